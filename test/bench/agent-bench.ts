import { costUsd } from '../../src/ai/pricing.js';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { Boss } from '../../src/jobs/boss.js';
import { FakeAnthropic, type MessagesRequest, type Scripted } from '../fakes/anthropic-api.js';
import { Replay } from '../replay/harness.js';

// Tokens, model calls and cost per scheduled interview, on scripted conversations through the
// real agent code against the local Anthropic fake (which counts prompt-cache reads and writes
// as Anthropic does, at characters/4 per token), and the time from the approval click to the
// email handed to Gmail. The scripted answers are the length a real model writes.

const OFFER =
  'Hi Ada,\n\nThank you for applying for the engineering role, and congratulations on moving to the technical ' +
  'interview. It is a 60-minute video call with one of our engineers, focused on a practical problem rather than ' +
  'trivia.\n\nPlease reply with the number of the time that suits you best. If none of them work, just tell me ' +
  'when you are usually free and I will find other times.\n\nJustin, on behalf of the hiring team';
const CONFIRM =
  'Hi Ada,\n\nYou are booked. The calendar invitation with the video link is on its way from our calendar; accepting ' +
  'it adds it to yours. If anything changes, reply to this email and I will find another time.\n\nGood luck, and ' +
  'speak soon.\n\nJustin, on behalf of the hiring team';
const OTHER =
  'Hi Ada,\n\nNo problem at all. Here are times within the window you gave me; reply with the number that suits ' +
  'you.\n\nJustin, on behalf of the hiring team';

function lastUserText(request: MessagesRequest): string {
  const last = request.messages.at(-1)!;
  return JSON.stringify(typeof last.content === 'string' ? last.content : last.content);
}

function agent(request: MessagesRequest): Scripted {
  const text = lastUserText(request);
  if (text.includes('slots_approved'))
    return { tools: [{ name: 'send_email', input: { text: OFFER, include_options: true } }] };
  if (text.includes('proposes_times'))
    return {
      tools: [{ name: 'propose_slots', input: { within: [{ date: '2026-03-05', from: '14:00', to: '18:00' }] } }],
    };
  if (text.includes('options_ready'))
    return { tools: [{ name: 'send_email', input: { text: OTHER, include_options: true } }] };
  if (text.includes('candidate_email'))
    return { tools: [{ name: 'book_slot', input: { option: Number(/\\"option\\":(\d+)/.exec(text)?.[1] ?? 1) } }] };
  return { tools: [{ name: 'send_email', input: { text: CONFIRM, include_options: false } }] };
}

function reader(request: MessagesRequest): Scripted {
  const reply = JSON.stringify(request.messages).split('<reply>')[1] ?? '';
  const option = /[Oo]ption (\d+)/.exec(reply)?.[1];
  if (option)
    return {
      json: {
        intent: 'accepts_option',
        option: Number(option),
        available: [],
        zone_mentioned: null,
        question: null,
        summary: 'Accepts the option offered.',
      },
    };
  return {
    json: {
      intent: 'proposes_times',
      option: null,
      available: [{ date: '2026-03-05', from: '14:00', to: '18:00' }],
      zone_mentioned: null,
      question: null,
      summary: 'Free Thursday afternoon.',
    },
  };
}

export type AgentBenchRow = {
  scenario: string;
  interviews: number;
  callsPerInterview: number;
  costPerInterview: number;
  costWithoutCache: number;
  tokens: { input: number; cacheRead: number; cacheWrite: number; output: number };
  cachedShareAfterFirst: number;
  approvalToGmailMs: number[];
};

export async function benchAgent(prisma: PrismaClient, boss: Boss, { interviews = 10 } = {}): Promise<AgentBenchRow[]> {
  const rows: AgentBenchRow[] = [];
  // One Anthropic for every conversation, as in production: the system prompt and tools are cached across candidates.
  const claude = await new FakeAnthropic().start();
  claude.agentResponder = agent;
  claude.readingResponder = reader;
  for (const scenario of ['happy path', 'candidate proposes other times'] as const) {
    const totals = {
      input: 0,
      cacheRead: 0,
      cacheWrite: 0,
      output: 0,
      calls: 0,
      cost: 0,
      costNoCache: 0,
      laterInput: 0,
      laterCached: 0,
    };
    const latency: number[] = [];
    for (let i = 0; i < interviews; i++) {
      const r = await Replay.start({ prisma, boss, start: '2026-03-02T09:00:00Z', claude });
      const from = claude.requests.length;
      try {
        await r.propose();
        const clicked = performance.now();
        await r.approve();
        latency.push(r.google.sentAt[0]! - clicked);
        if (scenario === 'candidate proposes other times')
          await r.candidateWrites('None of those work, sorry. I am free Thursday after 2pm.');
        await r.candidateWrites('Option 2 works for me, thank you!');
        const interview = await prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } });
        if (interview.status !== 'BOOKED') throw new Error(`${scenario}: not booked (${interview.status})`);
        claude.requests.slice(from).forEach(({ body, usage }, n) => {
          if (!usage) return;
          if (process.env.BENCH_AGENT_VERBOSE && i === 1) console.log(scenario, n, body.model, JSON.stringify(usage));
          const u = {
            input_tokens: usage.input_tokens!,
            output_tokens: usage.output_tokens!,
            cache_read_input_tokens: usage.cache_read_input_tokens!,
            cache_creation_input_tokens: usage.cache_creation_input_tokens!,
          };
          totals.calls++;
          totals.input += u.input_tokens;
          totals.cacheRead += u.cache_read_input_tokens;
          totals.cacheWrite += u.cache_creation_input_tokens;
          totals.output += u.output_tokens;
          totals.cost += costUsd(body.model, u);
          totals.costNoCache += costUsd(body.model, {
            input_tokens: u.input_tokens + u.cache_read_input_tokens + u.cache_creation_input_tokens,
            output_tokens: u.output_tokens,
          });
          // "After the first call": every call of the conversation but its very first.
          if (n > 0 || i > 0) {
            totals.laterInput += u.input_tokens + u.cache_read_input_tokens + u.cache_creation_input_tokens;
            totals.laterCached += u.cache_read_input_tokens;
          }
        });
      } finally {
        await r.stop();
      }
    }
    rows.push({
      scenario,
      interviews,
      callsPerInterview: totals.calls / interviews,
      costPerInterview: totals.cost / interviews,
      costWithoutCache: totals.costNoCache / interviews,
      tokens: {
        input: totals.input / interviews,
        cacheRead: totals.cacheRead / interviews,
        cacheWrite: totals.cacheWrite / interviews,
        output: totals.output / interviews,
      },
      cachedShareAfterFirst: totals.laterCached / totals.laterInput,
      approvalToGmailMs: latency.sort((a, b) => a - b),
    });
  }
  await claude.stop();
  return rows;
}
