import { afterEach, describe, expect, it } from 'vitest';
import { answerAgentQuestion, decideAgentRequest } from '../../src/agent/team-input.js';
import { agentTurn } from '../../src/jobs/definitions/agent.js';
import { ACTIONS } from '../../src/slack/ids.js';
import { Replay } from '../replay/harness.js';
import { createInterviewSetup } from '../factories/index.js';
import { silentLog, useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';
import { jobDeps } from '../setup/workers.js';

const db = useTestDatabase();
const q = useTestBoss(db);

let replay: Replay | undefined;
afterEach(async () => {
  await replay?.stop();
  replay = undefined;
});

const START = '2026-03-02T09:00:00Z';
const email = (text: string, include_options = false) => ({
  tools: [{ name: 'send_email', input: { text, include_options } }],
});
const reading = (r: object) => ({
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

/** The Approve button's value on the newest decision message in the card thread. */
function decisionValue(r: Replay): { runId: string; seq: number } {
  const message = r.slack.messages.filter((m) => JSON.stringify(m.blocks ?? []).includes(ACTIONS.agentApprove)).at(-1)!;
  const actions = (
    message.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
  ).find((b) => b.type === 'actions')!;
  return JSON.parse(actions.elements!.find((e) => e.action_id === ACTIONS.agentApprove)!.value) as {
    runId: string;
    seq: number;
  };
}

describe('role policy: what waits for the team', () => {
  it(
    '"approve every email": the draft waits in Slack; Send queues exactly that text, without another model call; ' +
      'Discard tells the agent',
    async () => {
      replay = await Replay.start({
        prisma: db.prisma,
        boss: q.boss,
        start: START,
        agentPolicy: { approve: { firstProposal: true, everyEmail: true, booking: false } },
      });
      const r = replay;
      r.script({
        agent: [
          email('Hi Ada, which of these times suits you?', true),
          email('Hi Ada, a second note.'),
          { tools: [{ name: 'hand_over', input: { reason: 'the team discarded my email' } }] },
        ],
        reading: [reading({ intent: 'asks_question' })],
      });
      await r.propose();
      await r.approve();
      expect(r.google.sent).toHaveLength(0);
      const draft = r.slack.messages.find((m) => m.text.startsWith('Justin wants to email Ada Lovelace'))!;
      expect(draft.text).toContain('1. Monday 2 March, 09:00–10:00 (Europe/London, GMT)');
      const calls = r.claude.requests.length;
      await decideAgentRequest(r.deps, { ...decisionValue(r), approved: true, by: 'U0RECRUITER' });
      await r.drain();
      expect(r.google.sent).toHaveLength(1);
      expect(r.google.sent[0]!.text).toContain('Hi Ada, which of these times suits you?');
      expect(r.claude.requests).toHaveLength(calls);
      expect(
        (await db.prisma.agentRun.findFirstOrThrow({ where: { applicationId: r.setup.application.id } })).followUpAt,
      ).not.toBeNull();

      await r.candidateWrites('Is the interview remote?');
      await decideAgentRequest(r.deps, { ...decisionValue(r), approved: false, by: 'U0RECRUITER' });
      await r.drain();
      expect(r.google.sent).toHaveLength(1);
      expect(
        (await db.prisma.agentRun.findFirstOrThrow({ where: { applicationId: r.setup.application.id } })).status,
      ).toBe('HANDED_OVER');
    },
  );

  it(
    '"approve bookings": the booking waits for the team, and the approved one is made by code and confirmed by the ' +
      'agent',
    async () => {
      replay = await Replay.start({
        prisma: db.prisma,
        boss: q.boss,
        start: START,
        agentPolicy: { approve: { firstProposal: true, everyEmail: false, booking: true } },
      });
      const r = replay;
      r.script({
        agent: [
          email('Hi Ada, which of these times suits you?', true),
          { tools: [{ name: 'book_slot', input: { option: 2 } }] },
          email('You are booked; the invitation is on its way.'),
        ],
        reading: [reading({ intent: 'accepts_option', option: 2 })],
      });
      await r.propose();
      await r.approve();
      await r.candidateWrites('Option 2 please');
      expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } })).status).toBe(
        'AWAITING_CANDIDATE',
      );
      expect(
        r.slack.messages.some((m) =>
          /Justin wants to book for Ada Lovelace: Book Tuesday 3 March, 09:00–10:00 \(Europe\/London, GMT\)\?/.test(
            m.text,
          ),
        ),
      ).toBe(true);
      await decideAgentRequest(r.deps, { ...decisionValue(r), approved: true, by: 'U0RECRUITER' });
      await r.drain();
      expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } })).status).toBe(
        'BOOKED',
      );
      expect(r.google.sent.map((m) => m.text.split('\n')[0])).toEqual([
        'Hi Ada, which of these times suits you?',
        'You are booked; the invitation is on its way.',
      ]);
    },
  );
});

describe('without Anthropic', () => {
  it('an agent turn tells the team once in the card thread that a person must answer, and does not retry', async () => {
    const setup = await createInterviewSetup(db.prisma);
    await db.prisma.application.update({
      where: { id: setup.application.id },
      data: { slackChannelId: 'C0ROLE', slackMessageTs: '1.1' },
    });
    const deps = jobDeps({ prisma: db.prisma, boss: q.boss });
    const job = {
      applicationId: setup.application.id,
      key: 'reply:x',
      event: { type: 'candidate-replied' as const, emailMessageId: '00000000-0000-4000-8000-000000000000' },
    };
    const ctx = { log: silentLog, signal: new AbortController().signal, jobId: 'j', retryCount: 0 };
    await agentTurn.handle(deps, job, ctx);
    await agentTurn.handle(deps, job, ctx);
    const posts = await db.prisma.outboxEffect.findMany({
      where: { applicationId: setup.application.id, kind: 'slack.post' },
    });
    expect(posts).toHaveLength(1);
    expect((posts[0]!.payload as { text: string }).text).toMatch(
      /^The candidate replied by email, but Justin's scheduling agent is off \(no ANTHROPIC_API_KEY\)/,
    );
  });
});

describe('answers from the team', () => {
  it('an internal answer is used but never quoted: an email repeating it is refused', async () => {
    replay = await Replay.start({ prisma: db.prisma, boss: q.boss, start: START });
    const r = replay;
    r.script({
      agent: [
        email('Hi Ada, which of these times suits you?', true),
        { tools: [{ name: 'ask_team', input: { question: 'Can this role be done from Brazil?' } }] },
        email('Good news: remote from Brazil is fine on contractor terms at a lower day rate.'),
        email('Good news: yes, the role can be done from Brazil. Which of the times above suits you?'),
      ],
      reading: [reading({ intent: 'asks_question', question: 'Can I work from Brazil?' })],
    });
    await r.propose();
    await r.approve();
    await r.candidateWrites('Can I work from Brazil?');
    expect(
      r.slack.messages.some((m) => m.text === 'Justin asks about Ada Lovelace: Can this role be done from Brazil?'),
    ).toBe(true);
    const run = await db.prisma.agentRun.findFirstOrThrow({ where: { applicationId: r.setup.application.id } });
    await answerAgentQuestion(r.deps, {
      runId: run.id,
      answer: 'Remote from Brazil is fine on contractor terms at a lower day rate',
      internal: true,
      by: 'U0RECRUITER',
      key: 'V1',
    });
    await r.drain();
    const guard = await db.prisma.agentStep.findMany({ where: { runId: run.id, kind: 'GUARDRAIL' } });
    expect(guard.map((g) => (g.output as { reason: string }).reason)).toEqual([
      expect.stringContaining('it quotes an internal note'),
    ]);
    expect(r.google.sent.map((m) => m.text.split('\n')[0])).toEqual([
      'Hi Ada, which of these times suits you?',
      'Good news: yes, the role can be done from Brazil. Which of the times above suits you?',
    ]);
  });
});
