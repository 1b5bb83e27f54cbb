import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Scripted } from '../fakes/anthropic-api.js';
import { Replay, type ReplayOptions } from './harness.js';

/**
 * A replay scenario as a JSON file: the clock, the role's agent policy, the model's answers
 * (scripted, or recorded from a real run) and the steps: the team proposes and approves, the
 * candidate writes, time passes. `expect` states the outcome, checked after the last step.
 */
export const ZScenario = z.object({
  name: z.string(),
  start: z.string().datetime(),
  candidateZone: z.string().nullable().optional(),
  agentPolicy: z.record(z.string(), z.unknown()).optional(),
  people: z.array(z.object({ name: z.string(), zone: z.string().optional() })).optional(),
  /** The agent's answers in order: { tools: [{ name, input }] } or { text }. */
  agent: z.array(z.record(z.string(), z.unknown())).default([]),
  /**
   * The reply reader's answers in order: { json: { intent, option, available, zone_mentioned,
   * question, summary } }.
   */
  reading: z.array(z.record(z.string(), z.unknown())).default([]),
  steps: z.array(
    z.union([
      z.object({ propose: z.literal(true) }).strict(),
      z.object({ approve: z.union([z.literal('all'), z.array(z.number().int().min(1))]) }).strict(),
      z.object({ candidate: z.string(), from: z.string().optional() }).strict(),
      z.object({ advanceHours: z.number().positive() }).strict(),
    ]),
  ),
  expect: z
    .object({
      interview: z.string().optional(),
      run: z.string().optional(),
      emails: z.number().int().optional(),
      guardrails: z.number().int().optional(),
    })
    .strict()
    .optional(),
});

export type Scenario = z.output<typeof ZScenario>;

export async function loadScenario(path: string): Promise<Scenario> {
  return ZScenario.parse(JSON.parse(await readFile(path, 'utf8')));
}

/** Plays the steps; returns what differs from `expect` (empty when all holds). */
export async function playScenario(replay: Replay, scenario: Scenario): Promise<string[]> {
  replay.script({ agent: scenario.agent as Scripted[], reading: scenario.reading as Scripted[] });
  let proposalIds: string[] = [];
  for (const step of scenario.steps) {
    if ('propose' in step) proposalIds = await replay.propose();
    else if ('approve' in step)
      await replay.approve(step.approve === 'all' ? undefined : step.approve.map((n) => proposalIds[n - 1]!));
    else if ('candidate' in step) await replay.candidateWrites(step.candidate, step.from ? { from: step.from } : {});
    else await replay.advance(step.advanceHours * 3_600_000);
  }
  const misses: string[] = [];
  const want = scenario.expect;
  if (!want) return misses;
  const prisma = replay.deps.prisma;
  const interview = await prisma.interview.findUniqueOrThrow({ where: { id: replay.setup.interview.id } });
  const run = await prisma.agentRun.findFirst({
    where: { applicationId: replay.setup.application.id },
    orderBy: { startedAt: 'desc' },
  });
  const guardrails = await prisma.agentStep.count({
    where: { run: { applicationId: replay.setup.application.id }, kind: 'GUARDRAIL' },
  });
  if (want.interview && interview.status !== want.interview)
    misses.push(`interview is ${interview.status}, expected ${want.interview}`);
  if (want.run && run?.status !== want.run) misses.push(`run is ${run?.status ?? 'missing'}, expected ${want.run}`);
  if (want.emails !== undefined && replay.google.sent.length !== want.emails)
    misses.push(`${replay.google.sent.length} emails sent, expected ${want.emails}`);
  if (want.guardrails !== undefined && guardrails !== want.guardrails)
    misses.push(`${guardrails} guardrail refusals, expected ${want.guardrails}`);
  return misses;
}

/** A replay set up as the scenario says (clock, people, candidate zone, agent policy). */
export function startScenario(base: Pick<ReplayOptions, 'prisma' | 'boss'>, scenario: Scenario): Promise<Replay> {
  return Replay.start({
    ...base,
    start: scenario.start,
    ...(scenario.people ? { people: scenario.people } : {}),
    ...(scenario.agentPolicy ? { agentPolicy: scenario.agentPolicy } : {}),
    ...(scenario.candidateZone !== undefined ? { candidateZone: scenario.candidateZone } : {}),
  });
}
