import { ACTIONS } from '../../src/slack/ids.js';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { Replay } from '../replay/harness.js';

// Shared by the security scenarios: scripted model answers and what they left behind.

export const START = '2026-03-02T09:00:00Z';

export const reading = (r: object) => ({
  json: {
    intent: 'other',
    option: null,
    available: [],
    zone_mentioned: null,
    question: null,
    summary: 'scripted',
    ...r,
  },
});
export const email = (text: string, include_options = false) => ({
  name: 'send_email',
  input: { text, include_options },
});
export const answer = (...tools: Array<{ name: string; input: unknown }>) => ({ tools });

export const steps = (prisma: PrismaClient, r: Replay, kind?: string) =>
  prisma.agentStep.findMany({
    where: { run: { applicationId: r.setup.application.id }, ...(kind ? { kind: kind as never } : {}) },
    orderBy: { seq: 'asc' },
  });

export const latestRun = (prisma: PrismaClient, r: Replay) =>
  prisma.agentRun.findFirstOrThrow({
    where: { applicationId: r.setup.application.id },
    orderBy: { startedAt: 'desc' },
  });

export const interviewOf = (prisma: PrismaClient, r: Replay) =>
  prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } });

/** The results the tool calls got, in order: `name ok|error`. */
export async function results(
  prisma: PrismaClient,
  r: Replay,
): Promise<Array<{ name: string; ok: boolean; error?: string }>> {
  return (await steps(prisma, r, 'TOOL_RESULT')).map((s) => {
    const out = s.output as { ok: boolean; result: { error?: string } };
    return { name: s.name ?? '', ok: out.ok, ...(out.result?.error ? { error: out.result.error } : {}) };
  });
}

/** The Approve button's value on the newest decision message in the card thread. */
export function decisionValue(r: Replay): { runId: string; seq: number } {
  const message = r.slack.messages.filter((m) => JSON.stringify(m.blocks ?? []).includes(ACTIONS.agentApprove)).at(-1)!;
  const actions = (
    message.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
  ).find((b) => b.type === 'actions')!;
  return JSON.parse(actions.elements!.find((e) => e.action_id === ACTIONS.agentApprove)!.value) as {
    runId: string;
    seq: number;
  };
}
