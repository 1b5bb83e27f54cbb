import type { App } from '@slack/bolt';
import { helpMessage } from '../../blocks/help.js';
import { COMMANDS } from '../../ids.js';

/** `/hire help` and anything `/hire` does not understand yet: a private help message. */
export function registerHireCommand(app: App): void {
  app.command(COMMANDS.hire, async ({ command, ack }) => {
    const text = command.text.trim();
    await ack(text === '' || /^help\b/i.test(text) ? helpMessage() : helpMessage({ unknown: `${COMMANDS.hire} ${text}` }));
  });
}
