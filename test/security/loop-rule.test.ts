import { afterEach, describe, expect, it } from 'vitest';
import { resumeAgent } from '../../src/agent/kill-switch.js';
import { Replay } from '../replay/harness.js';
import { useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';
import { START, answer, email, latestRun, reading, results, steps } from './support.js';

// One model answer may ask for many calls. Whatever it asks, each tool acts at most once per
// answer, nothing runs after a call that ended the turn, and the same call repeated across
// answers is a loop: for every tool, including send_email, ask_team and hand_over.

const db = useTestDatabase();
const q = useTestBoss(db);

let replay: Replay | undefined;
afterEach(async () => {
  await replay?.stop();
  replay = undefined;
});

async function offered(agent: object[], policy: object = {}) {
  replay = await Replay.start({ prisma: db.prisma, boss: q.boss, start: START, agentPolicy: policy });
  replay.script({ agent: [answer(email('Hi Ada, which of these times suits you?', true)), ...(agent as never[])] });
  await replay.propose();
  await replay.approve();
  return replay;
}

describe('the loop rule and one call per tool per answer', () => {
  it('five identical send_email calls in one answer: one email, the rest refused and counted; it stops', async () => {
    const hi = email('Hi Ada, just checking in: any of these times?');
    const r = await offered([answer(hi, hi, hi, hi, hi)], { maxEmailsPerDay: 10 });
    r.script({ reading: [reading({ intent: 'asks_question' })] });
    await r.candidateWrites('Hm?');
    expect(r.google.sent).toHaveLength(2);
    const after = (await results(db.prisma, r)).slice(1);
    expect(after.map((x) => x.ok)).toEqual([true, false, false, false, false]);
    expect(after[1]!.error).toBe('only one send_email call is run per answer; this one was not');
    const run = await latestRun(db.prisma, r);
    expect(run.status).toBe('STOPPED');
    expect(run.violations).toBe(2);
    expect(after.slice(3).every((x) => /not run: the run was stopped/.test(x.error!))).toBe(true);

    // Resumed by a person: nothing of that answer runs again.
    r.claude.agentResponder = () => ({ text: 'nothing to do' });
    await resumeAgent(r.deps, { applicationId: r.setup.application.id, by: 'U0ADMIN' });
    await r.drain();
    expect(r.google.sent).toHaveLength(2);
  });

  it('four identical ask_team calls make one question in Slack', async () => {
    const ask = { name: 'ask_team', input: { question: 'Is the role remote?' } };
    const r = await offered([answer(ask, ask, ask, ask)]);
    r.script({ reading: [reading({ intent: 'asks_question', question: 'remote?' })] });
    await r.candidateWrites('Is it remote?');
    expect(r.slack.messages.filter((m) => m.text.includes('Is the role remote?'))).toHaveLength(1);
    expect((await latestRun(db.prisma, r)).status).toBe('STOPPED');
  });

  it('calls after one that ends the turn do not run, and are no violation', async () => {
    const r = await offered([
      answer(
        email('Hi Ada, noted, thanks.'),
        { name: 'book_slot', input: { option: 2 } },
        { name: 'find_slots', input: {} },
      ),
    ]);
    r.script({ reading: [reading({ intent: 'accepts_option', option: 2 })] });
    await r.candidateWrites('Option 2 please');
    expect(r.google.sent).toHaveLength(2);
    expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } })).status).toBe(
      'AWAITING_CANDIDATE',
    );
    const after = (await results(db.prisma, r)).slice(1);
    expect(after).toEqual([
      { name: 'send_email', ok: true },
      { name: 'book_slot', ok: false, error: 'not run: send_email ended the turn; wait for the next event' },
      { name: 'find_slots', ok: false, error: 'not run: send_email ended the turn; wait for the next event' },
    ]);
    expect(await steps(db.prisma, r, 'GUARDRAIL')).toHaveLength(0);
  });

  it('a hand_over then an email in one answer: the email never goes, not even when a person resumes', async () => {
    const r = await offered([answer({ name: 'hand_over', input: { reason: 'unsure' } }, email('Hi Ada, bye!'))]);
    r.script({ reading: [reading({ intent: 'other' })] });
    await r.candidateWrites('Hello');
    expect((await latestRun(db.prisma, r)).status).toBe('HANDED_OVER');
    r.claude.agentResponder = () => ({ text: 'nothing to do' });
    await resumeAgent(r.deps, { applicationId: r.setup.application.id, by: 'U0ADMIN' });
    await r.drain();
    expect(r.google.sent).toHaveLength(1);
  });

  it('the same send_email in three answers is a loop on the third', async () => {
    const same = email('Hi Ada, which of these times suits you?');
    const r = await offered(
      [answer(same), answer(same), answer(same), answer({ name: 'hand_over', input: { reason: 'x' } })],
      {
        maxEmailsPerDay: 10,
      },
    );
    for (let i = 0; i < 3; i++) {
      r.script({ reading: [reading({ intent: 'asks_question' })] });
      await r.candidateWrites(`Question ${i}?`);
    }
    expect(r.google.sent).toHaveLength(3);
    const reasons = (await steps(db.prisma, r, 'GUARDRAIL')).map((g) => (g.output as { reason: string }).reason);
    expect(reasons).toEqual(['the same send_email call was already made 2 times: this looks like a loop']);
  });

  it.each([
    ['a number as a string', { name: 'book_slot', input: { option: '2' } }],
    ['a boolean as a string', { name: 'send_email', input: { text: 'Hi', include_options: 'yes' } }],
    ['an array for a text', { name: 'ask_team', input: { question: ['a', 'b'] } }],
    ['no input at all', { name: 'hand_over', input: null }],
    ['a tool that is an Object method', { name: 'toString', input: {} }],
    ['a tool that is not ours', { name: 'run_shell', input: { cmd: 'ls' } }],
  ])('%s is a violation, refused without running anything', async (_what, call) => {
    const r = await offered([answer(call), answer({ name: 'hand_over', input: { reason: 'done' } })]);
    r.script({ reading: [reading({ intent: 'accepts_option', option: 2 })] });
    await r.candidateWrites('Option 2 please');
    expect(r.failures).toEqual([]);
    expect(await steps(db.prisma, r, 'GUARDRAIL')).toHaveLength(1);
    expect((await latestRun(db.prisma, r)).violations).toBe(1);
    expect(r.google.sent).toHaveLength(1);
    expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } })).status).toBe(
      'AWAITING_CANDIDATE',
    );
  });

  it('refusals reach Slack without anything the model chose: its links, addresses, field or tool names', async () => {
    const r = await offered([
      answer({ name: '<!channel> pwned', input: {} }),
      answer(
        email('Hi Ada <!here>, verify at evil.example/x?s=1 or <https://evil.example|here>, or write hr@evil.example'),
      ),
    ]);
    r.script({ reading: [reading({ intent: 'other' })] });
    await r.candidateWrites('Hello');
    const shields = r.slack.messages.filter((m) => m.text.includes(':shield:') || /broke the rules/.test(m.text));
    expect(shields.length).toBeGreaterThanOrEqual(2);
    for (const m of shields) {
      const shown = JSON.stringify([m.text, m.blocks]);
      for (const quoted of ['evil', 'channel', 'pwned', 'here>', 'hr@']) expect(shown).not.toContain(quoted);
    }
    // The audit keeps the detail for whoever investigates.
    const audit = await db.prisma.auditEntry.findMany({ where: { action: 'agent.guardrail' } });
    expect(JSON.stringify(audit.map((a) => a.data))).toContain('evil.example/x?s=1');
  });
});
