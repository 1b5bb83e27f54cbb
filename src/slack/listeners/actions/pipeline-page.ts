import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { ACTIONS } from '../../ids.js';
import { pipelineAnswer, type PipelineDeps } from '../commands/pipeline.js';

const ZPageValue = z.object({ page: z.number().int().min(1).max(10_000), roleQuery: z.string().max(200).optional() });

/**
 * "Previous page" / "Next page" under `/pipeline`: the private answer is replaced in place
 * (through the click's response_url) by that page, checked again against who is asking.
 */
export function registerPipelinePage(app: App, deps: PipelineDeps): void {
  app.action<BlockButtonAction>(new RegExp(`^${ACTIONS.pipelinePage}:`), async ({ ack, body, action, respond }) => {
    await ack();
    let value: unknown;
    try {
      value = JSON.parse(action.value ?? '');
    } catch {
      value = undefined;
    }
    const parsed = ZPageValue.safeParse(value);
    if (!parsed.success) return;
    const answer = await pipelineAnswer(deps, { slackUserId: body.user.id, ...parsed.data });
    await respond({ ...answer, response_type: 'ephemeral', replace_original: true });
  });
}
