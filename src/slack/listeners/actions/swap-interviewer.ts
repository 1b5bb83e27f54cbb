import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { PrismaClient } from '../../../db/prisma.js';
import { AppError } from '../../../errors.js';
import type { Boss } from '../../../jobs/boss.js';
import type { AvailabilitySource } from '../../../services/scheduling/availability.js';
import { swapInterviewer } from '../../../services/scheduling/swap-interviewer.js';
import { mayDecideFor } from '../../../services/team/may-act.js';
import { ACTIONS } from '../../ids.js';

type Deps = {
  prisma: PrismaClient;
  boss: Boss;
  admins: readonly string[];
  availability: AvailabilitySource | undefined;
  now: () => Date;
};

const ZSwap = z.object({ interviewId: z.string().uuid(), out: z.string().uuid(), in: z.string().uuid() });

/** "Swap in …" on a decline or silence flag: re-checks the person is free, then swaps. */
export function registerSwapInterviewer(app: App, deps: Deps): void {
  app.action<BlockButtonAction>(new RegExp(`^${ACTIONS.swapInterviewer}_`), async ({ ack, body, action, respond }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    const swap = ZSwap.safeParse(JSON.parse(action.value ?? '{}'));
    if (!swap.success) return void (await tell('That button is from an older version of Justin.'));
    if (
      !(await mayDecideFor(
        deps.prisma,
        { slackUserId: body.user.id, bootstrapAdmins: deps.admins },
        { interviewId: swap.data.interviewId },
      ))
    ) {
      return void (await tell(
        'Sorry, changing interviewers is for recruiters, hiring managers and admins, and the people named on the role.',
      ));
    }
    if (!deps.availability)
      return void (await tell('Google Calendar is not connected, so the new interviewer’s time cannot be checked.'));
    try {
      const result = await swapInterviewer(
        { ...deps, availability: deps.availability },
        {
          interviewId: swap.data.interviewId,
          outUserId: swap.data.out,
          inUserId: swap.data.in,
          actor: { type: 'USER', id: body.user.id },
        },
      );
      await tell(
        result.status === 'swapped'
          ? 'Swapped: the calendar invitation is being updated.'
          : `Not swapped:\n${result.reasons.map((r) => `• ${r}`).join('\n')}`,
      );
    } catch (err) {
      if (err instanceof AppError) return void (await tell(err.userMessage));
      throw err;
    }
  });
}
