import { afterEach, describe, expect, it } from 'vitest';
import { swapInterviewer } from '../../src/services/scheduling/swap-interviewer.js';
import { Replay } from '../replay/harness.js';
import { acceptsOptionReader, happyPathAgent } from '../replay/scripted-agent.js';
import { useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);

let replay: Replay | undefined;
afterEach(async () => {
  // REPLAY_PRINT=1 prints each scenario's transcript: every agent step, email, Slack post and event.
  if (replay && process.env.REPLAY_PRINT)
    console.log((await replay.transcript()).join('\n'), '\nretried failures:', replay.failures);
  await replay?.stop();
  replay = undefined;
});

// Monday 2 March 2026, 09:00 UTC: London is on GMT, Berlin on CET.
const START = '2026-03-02T09:00:00Z';
const HOUR = 3_600_000;

const reading = (
  r: Partial<{
    intent: string;
    option: number | null;
    available: unknown[];
    zone_mentioned: string | null;
    question: string | null;
  }>,
) => ({
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
const email = (text: string, include_options = false) => ({
  tools: [{ name: 'send_email', input: { text, include_options } }],
});

async function start(options: Partial<Parameters<typeof Replay.start>[0]> = {}) {
  replay = await Replay.start({ prisma: db.prisma, boss: q.boss, start: START, ...options });
  return replay;
}

describe('the scheduling agent, end to end', () => {
  it(
    'happy path: approved times are offered, the candidate picks one, ' + 'it is booked with a Meet link and confirmed',
    async () => {
      const r = await start();
      r.script({
        agent: [
          email('Hi Ada, thanks for applying! Which of these times suits you for the technical interview?', true),
          { tools: [{ name: 'book_slot', input: { option: 2 } }] },
          email(
            'Hi Ada, you are booked. The calendar invitation with the video link is on its way. Justin, on behalf of ' +
              'the hiring team',
          ),
        ],
        reading: [reading({ intent: 'accepts_option', option: 2 })],
      });
      const proposalIds = await r.propose();
      expect(r.slack.messages.some((m) => /Times for/.test(m.text))).toBe(true);
      await r.approve();

      expect(r.google.sent).toHaveLength(1);
      const offer = r.google.sent[0]!;
      expect(offer.to).toBe(r.setup.candidate.displayEmail);
      expect(offer.text).toMatch(
        /1\. Monday 2 March|1\. \w+day \d+ March, \d\d:\d\d–\d\d:\d\d \(Europe\/London, GMT\)/,
      );
      expect(offer.text).toMatch(/3\. .*\(Europe\/London, GMT\)/);

      await r.candidateWrites('Option 2 works for me, thanks!');
      const interview = await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } });
      expect(interview.status).toBe('BOOKED');
      const chosen = await db.prisma.slotProposal.findFirstOrThrow({
        where: { interviewId: interview.id, status: 'CHOSEN' },
      });
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
    },
  );
});

const DAY = 24 * HOUR;
const london = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

describe('the scheduling agent, conversations that go sideways', () => {
  it(
    'the candidate proposes other times: code reads them in their zone, checks them against the calendars, and the ' +
      'new round goes out without approval',
    async () => {
      const r = await start();
      r.script({
        agent: [
          email('Hi Ada, which of these times suits you?', true),
          {
            tools: [{ name: 'propose_slots', input: { within: [{ date: '2026-03-05', from: '14:00', to: '18:00' }] } }],
          },
          email('No problem, here are times on Thursday afternoon:', true),
          { tools: [{ name: 'book_slot', input: { option: 1 } }] },
          email('Booked, thank you! The calendar invitation is on its way.'),
        ],
        reading: [
          reading({ intent: 'proposes_times', available: [{ date: '2026-03-05', from: '14:00', to: '18:00' }] }),
          reading({ intent: 'accepts_option', option: 1 }),
        ],
      });
      await r.propose();
      await r.approve();
      await r.candidateWrites('None of those work for me, sorry. I am free Thursday after 2pm.');

      const event = r.claude.requests.filter((x) => !x.body.output_config)[1]!;
      expect(JSON.stringify(event.body.messages)).toContain('times_that_work');
      expect(r.google.sent).toHaveLength(2);
      const options = r.google.sent[1]!.text.split('\n').filter((l) => /^\d\. /.test(l));
      expect(options.length).toBeGreaterThan(0);
      for (const line of options)
        expect(line).toMatch(/^\d\. Thursday 5 March, 1[4-7]:\d\d–1[5-8]:\d\d \(Europe\/London, GMT\)$/);
      expect(r.slack.messages.some((m) => /without approval/.test(m.text))).toBe(true);

      await r.candidateWrites('Option 1 is perfect.');
      const interview = await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } });
      expect(interview.status).toBe('BOOKED');
      expect(london(interview.startsAt!.toISOString())).toBe('Thu 14:00');
      expect(r.google.sent).toHaveLength(3);
    },
  );

  it(
    'a candidate in an ambiguous zone (IST) is asked once which one they mean; the answer is recorded as an IANA ' +
      'zone and times are offered in it',
    async () => {
      const r = await start({ candidateZone: null });
      r.script({
        agent: [
          email('Hi Ada, which of these times suits you?', true),
          { tools: [{ name: 'record_availability', input: { zone: 'IST' } }] },
          email(
            'Thanks! To be sure of the times: by IST do you mean India (Asia/Kolkata), Ireland (Europe/Dublin) or ' +
              'Israel (Asia/Jerusalem)?',
          ),
          {
            tools: [
              { name: 'record_availability', input: { zone: 'Europe/Dublin' } },
              { name: 'propose_slots', input: { within: [{ date: '2026-03-04', from: '13:00', to: '16:00' }] } },
            ],
          },
          email('Thank you, here are times on Wednesday in Irish time:', true),
        ],
        reading: [
          reading({
            intent: 'proposes_times',
            available: [{ date: '2026-03-04', from: '13:00', to: '16:00' }],
            zone_mentioned: 'IST',
          }),
          reading({ intent: 'gives_time_zone', zone_mentioned: 'Ireland' }),
        ],
      });
      await r.propose();
      await r.approve();
      // Without a zone for the candidate, the first offer is stated in the interviewer's zone, spelled out.
      expect(r.google.sent[0]!.text).toMatch(/\(Europe\/Berlin, GMT\+1\)/);
      await r.candidateWrites('Those are too early for me. Wednesday 13:00-16:00 IST works.');

      const steps = await db.prisma.agentStep.findMany({
        where: { run: { applicationId: r.setup.application.id } },
        orderBy: { seq: 'asc' },
      });
      const replyEvent = steps.find(
        (s) => s.name === 'event' && (s.output as { type?: string })?.type === 'candidate_email',
      )!;
      expect((replyEvent.output as { checks: { zone: unknown } }).checks.zone).toEqual({
        status: 'ambiguous',
        mention: 'IST',
        candidates: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
        asked_before: false,
      });
      const refused = steps.find((s) => s.kind === 'TOOL_RESULT' && s.name === 'record_availability')!;
      expect(refused.output).toMatchObject({
        ok: false,
        result: { error: expect.stringContaining('could mean Asia/Kolkata, Europe/Dublin, Asia/Jerusalem') },
      });
      expect(steps.filter((s) => s.kind === 'GUARDRAIL')).toHaveLength(0);
      expect(r.google.sent).toHaveLength(2);

      await r.candidateWrites('Sorry, I meant Irish time: I live in Dublin.');
      expect((await db.prisma.candidate.findUniqueOrThrow({ where: { id: r.setup.candidate.id } })).timeZone).toBe(
        'Europe/Dublin',
      );
      const offer = r.google.sent[2]!.text.split('\n').filter((l) => /^\d\. /.test(l));
      expect(offer.length).toBeGreaterThan(0);
      for (const line of offer)
        expect(line).toMatch(/^\d\. Wednesday 4 March, 1[3-5]:\d\d–1[4-6]:\d\d \(Europe\/Dublin, GMT\)$/);
    },
  );

  it(
    'a silent candidate is nudged after two business days in their zone, then handed over; a later reply goes to a ' +
      'person',
    async () => {
      const r = await start({ agentPolicy: { maxNudges: 1, nudgeAfterBusinessDays: 2 } });
      r.script({
        agent: [
          email('Hi Ada, which of these times suits you?', true),
          email('Hi Ada, just checking whether one of these times works for you:', true),
        ],
      });
      await r.propose();
      await r.approve();
      const run = () => db.prisma.agentRun.findFirstOrThrow({ where: { applicationId: r.setup.application.id } });
      // Monday's email: the nudge is due Wednesday 10:00 London, not before.
      expect((await run()).followUpAt?.toISOString()).toBe('2026-03-04T10:00:00.000Z');
      await r.advance(DAY);
      expect(r.google.sent).toHaveLength(1);
      await r.advance(DAY + 2 * HOUR);
      expect(r.google.sent).toHaveLength(2);
      expect((await run()).nudgesSent).toBe(1);
      expect((await run()).followUpAt?.toISOString()).toBe('2026-03-06T10:00:00.000Z');

      await r.advance(2 * DAY);
      const ended = await run();
      expect(ended.status).toBe('HANDED_OVER');
      expect(ended.turns).toBe(2); // the handover itself needs no model call
      expect(
        r.slack.messages.some((m) =>
          /handed .* over to the team: no reply from the candidate after 1 nudge/.test(m.text),
        ),
      ).toBe(true);

      await r.candidateWrites('Sorry for the delay! Is it too late?');
      expect(r.slack.messages.some((m) => /replied in a thread handed over to the team/.test(m.text))).toBe(true);
      expect(r.claude.requests).toHaveLength(2);
    },
  );

  it('reschedule after booking: new times for the booked interview, the same calendar event moved', async () => {
    const r = await start();
    r.claude.readingResponder = undefined;
    r.script({
      agent: [
        email('Hi Ada, which of these times suits you?', true),
        { tools: [{ name: 'book_slot', input: { option: 2 } }] },
        email('Booked! The invitation is on its way.'),
        { tools: [{ name: 'propose_slots', input: { within: [{ date: '2026-03-06', from: '09:00', to: '12:00' }] } }] },
        email('Of course. These times on Friday are free:', true),
        { tools: [{ name: 'reschedule_interview', input: { option: 1 } }] },
        email('Done: your interview has moved. The calendar invitation is updated.'),
      ],
      reading: [
        reading({ intent: 'accepts_option', option: 2 }),
        reading({ intent: 'reschedule', available: [{ date: '2026-03-06', from: '09:00', to: '12:00' }] }),
        reading({ intent: 'accepts_option', option: 1 }),
      ],
    });
    await r.propose();
    await r.approve();
    await r.candidateWrites('Option 2 please');
    const booked = await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } });
    await r.candidateWrites('Something came up, could we move it to Friday morning?');
    expect(r.google.sent[2]!.text).toMatch(/1\. Friday 6 March, (09|10|11):\d\d/);
    await r.candidateWrites('Option 1 on Friday works.');

    const moved = await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } });
    expect(moved.status).toBe('BOOKED');
    expect(moved.calendarEventId).toBe(booked.calendarEventId);
    expect(london(moved.startsAt!.toISOString())).toBe('Fri 09:00');
    expect(r.google.events.size).toBe(1);
    expect(r.google.events.get(moved.calendarEventId!)!.start.dateTime).toBe(moved.startsAt!.toISOString());
    expect(r.google.sent).toHaveLength(4);
  });

  it('withdraw: the team is asked to confirm; nothing is cancelled or sent on the model’s reading alone', async () => {
    const r = await start();
    r.claude.agentResponder = happyPathAgent;
    r.claude.readingResponder = acceptsOptionReader;
    await r.propose();
    await r.approve();
    await r.candidateWrites('Option 2 works.');
    const sent = r.google.sent.length;
    const calls = r.claude.requests.length;
    r.script({ reading: [reading({ intent: 'withdraws' })], agent: [] });
    await r.candidateWrites('I have accepted another offer, please withdraw my application.');
    const interview = await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } });
    expect(interview.status).toBe('BOOKED');
    expect([...r.google.events.values()][0]!.status).not.toBe('cancelled');
    expect(r.google.sent).toHaveLength(sent);
    // Only the reading: the agent itself was not asked what to do.
    expect(r.claude.requests.slice(calls).map((q) => (q.body.output_config ? 'reading' : 'agent'))).toEqual([
      'reading',
    ]);
    expect(r.slack.messages.some((m) => /seems to withdraw their application/.test(m.text))).toBe(true);
  });

  it('the team edits the proposal: the agent offers exactly the times they kept and added', async () => {
    const r = await start();
    r.claude.agentResponder = happyPathAgent;
    const ids = await r.propose();
    await r.edit([ids[0]!], new Date('2026-03-10T10:00:00Z'));
    const lines = r.google.sent[0]!.text.split('\n').filter((l) => /^\d\. /.test(l));
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toContain('Tuesday 10 March, 10:00–11:00 (Europe/London, GMT)');
  });

  it(
    'an interviewer declines after booking: ' + 'the team is offered a swap, and the event moves to the new person',
    async () => {
      const r = await start({ people: [{ name: 'Bea Berg' }, { name: 'Cy Chen' }] });
      r.claude.agentResponder = happyPathAgent;
      r.claude.readingResponder = acceptsOptionReader;
      await r.propose();
      await r.approve();
      await r.candidateWrites('Option 2 works.');
      const interview = await db.prisma.interview.findUniqueOrThrow({
        where: { id: r.setup.interview.id },
        include: { interviewers: { include: { user: true } } },
      });
      const [seat] = interview.interviewers;
      const event = r.google.events.get(interview.calendarEventId!)!;
      for (const a of event.attendees ?? []) if (a.email === seat!.user.email) a.responseStatus = 'declined';
      await r.runCron('calendar.check-responses');
      await r.drain();
      const flag = r.slack.messages.find((m) => /declined/.test(m.text))!;
      expect(flag.text).toContain(seat!.user.name);
      const other = r.setup.users.find((u) => u.id !== seat!.userId)!;
      expect(JSON.stringify(flag.blocks)).toContain(`Swap in ${other.name}`);
      await swapInterviewer(
        { ...r.deps, availability: r.deps.availability! },
        {
          interviewId: interview.id,
          outUserId: seat!.userId,
          inUserId: other.id,
          actor: { type: 'USER', id: 'U0RECRUITER' },
        },
      );
      await r.drain();
      expect(r.google.events.get(interview.calendarEventId!)!.attendees!.map((a) => a.email)).toContain(other.email);
      expect(r.google.sent).toHaveLength(2); // the candidate's time did not change: no email
    },
  );
});
