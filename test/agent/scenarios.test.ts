import { afterEach, describe, expect, it } from 'vitest';
import { Replay } from '../replay/harness.js';
import { useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);

let replay: Replay | undefined;
afterEach(async () => {
  await replay?.stop();
  replay = undefined;
});

// Monday 2 March 2026, 09:00 UTC: London is on GMT, Berlin on CET.
const START = '2026-03-02T09:00:00Z';
const HOUR = 3_600_000;

const reading = (r: Partial<{ intent: string; option: number | null; available: unknown[]; zone_mentioned: string | null; question: string | null }>) => ({
  json: { intent: 'other', option: null, available: [], zone_mentioned: null, question: null, summary: 'scripted', ...r },
});
const email = (text: string, include_options = false) => ({ tools: [{ name: 'send_email', input: { text, include_options } }] });

async function start(options: Partial<Parameters<typeof Replay.start>[0]> = {}) {
  replay = await Replay.start({ prisma: db.prisma, boss: q.boss, start: START, ...options });
  return replay;
}

describe('the scheduling agent, end to end', () => {
  it('happy path: approved times are offered, the candidate picks one, it is booked with a Meet link and confirmed', async () => {
    const r = await start();
    r.script({
      agent: [email('Hi Ada, thanks for applying! Which of these times suits you for the technical interview?', true), { tools: [{ name: 'book_slot', input: { option: 2 } }] }, email('Hi Ada, you are booked. The calendar invitation with the video link is on its way. Justin, on behalf of the hiring team')],
      reading: [reading({ intent: 'accepts_option', option: 2 })],
    });
    const proposalIds = await r.propose();
    expect(r.slack.messages.some((m) => /Times for/.test(m.text))).toBe(true);
    await r.approve();

    expect(r.google.sent).toHaveLength(1);
    const offer = r.google.sent[0]!;
    expect(offer.to).toBe(r.setup.candidate.displayEmail);
    expect(offer.text).toMatch(/1\. Monday 2 March|1\. \w+day \d+ March, \d\d:\d\d–\d\d:\d\d \(Europe\/London, GMT\)/);
    expect(offer.text).toMatch(/3\. .*\(Europe\/London, GMT\)/);

    await r.candidateWrites('Option 2 works for me, thanks!');
    const interview = await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } });
    expect(interview.status).toBe('BOOKED');
    const chosen = await db.prisma.slotProposal.findFirstOrThrow({ where: { interviewId: interview.id, status: 'CHOSEN' } });
    expect(chosen.id).toBe(proposalIds[1]);
    expect(interview.startsAt).toEqual(chosen.startsAt);
    const [event] = [...r.google.events.values()];
    expect(event?.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(event?.start.dateTime).toBe(chosen.startsAt.toISOString());

    expect(r.google.sent).toHaveLength(2);
    const confirmation = r.google.sent[1]!;
    expect(confirmation.threadId).toBe(offer.threadId);
    expect(confirmation.subject).toBe(`Re: ${offer.subject}`);

    // The candidate's words reached the model only inside a JSON string in the event data.
    const agentCalls = r.claude.requests.filter((x) => !x.body.output_config);
    const afterReply = JSON.stringify(agentCalls[1]!.body.messages);
    expect(afterReply).toContain('\\"untrusted_text\\":\\"Option 2 works for me, thanks!\\"');
    const run = await db.prisma.agentRun.findFirstOrThrow({ where: { applicationId: r.setup.application.id } });
    expect(run.status).toBe('WAITING');
    expect(run.turns).toBe(4);
    expect(Number(run.costUsd)).toBeGreaterThan(0);
    expect(Number(run.costUsd)).toBeLessThan(0.05);
    expect(r.failures).toEqual([]);
  });
});
