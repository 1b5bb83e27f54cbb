import nock from 'nock';
import { beforeEach, describe, expect, it } from 'vitest';
import { interviewEventId } from '../../../src/calendar/interview-event.js';
import { bookSlot } from '../../../src/services/scheduling/book-slot.js';
import { checkResponses } from '../../../src/services/scheduling/check-responses.js';
import { swapInterviewer } from '../../../src/services/scheduling/swap-interviewer.js';
import { checkSurface } from '../../../src/slack/blocks/limits.js';
import { createInterviewSetup } from '../../factories/index.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';
import { fakeFreeBusy, MAILBOX } from '../../setup/fake-calendar.js';
import { GOOGLE, useNock } from '../../setup/google.js';

const db = useTestDatabase();
const q = useTestBoss(db);
useNock();

const TEN = new Date('2026-03-09T10:00:00Z');
let clock = new Date('2026-03-02T09:00:00Z');
let fake: ReturnType<typeof fakeFreeBusy>;
beforeEach(() => {
  fake = fakeFreeBusy();
  clock = new Date('2026-03-02T09:00:00Z');
});
const deps = () => ({
  prisma: db.prisma,
  boss: q.boss,
  availability: fake.availability,
  now: () => clock,
  google: { auth: fake.auth, rootUrl: `${GOOGLE}/`, mailbox: MAILBOX },
});
const system = { type: 'SYSTEM' as const };

/** Bea booked at 10:00 from a pool of Bea, Cem and Dan; Dan is busy then. */
async function booked() {
  const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }, { name: 'Cem' }, { name: 'Dan' }] });
  const [bea, cem, dan] = setup.users;
  fake.busy.set(cem!.email!, [{ start: '2026-03-09T08:00:00Z', end: '2026-03-09T12:00:00Z' }]);
  fake.busy.set(dan!.email!, [{ start: '2026-03-09T09:00:00Z', end: '2026-03-09T11:00:00Z' }]);
  const result = await bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system });
  expect(result).toMatchObject({ status: 'booked', interviewerIds: [bea!.id] });
  fake.busy.set(cem!.email!, []); // Cem's meeting got cancelled: now free to swap in
  return { ...setup, bea: bea!, cem: cem!, dan: dan! };
}

// Every booked interview in this file's database is checked on each run, so the fake
// Calendar answers events.get for any of them: accepted by everyone unless a test says otherwise.
const answersByEvent = new Map<string, Record<string, string>>();
let eventsMocked = false;
beforeEach(() => {
  eventsMocked = false;
});
function eventWith(interviewId: string, answers: Record<string, string>) {
  answersByEvent.set(interviewEventId(interviewId), answers);
  if (eventsMocked) return;
  eventsMocked = true;
  nock(GOOGLE)
    .persist()
    .get(/^\/calendar\/v3\/calendars\/primary\/events\/jv[0-9a-f]{32}$/)
    .reply(200, (request: Request) => {
      const id = new URL(request.url).pathname.split('/').at(-1)!;
      return {
        id,
        attendees: Object.entries(answersByEvent.get(id) ?? {}).map(([email, responseStatus]) => ({
          email,
          responseStatus,
        })),
      };
    });
}

describe('interviewer responses', () => {
  it('records a decline and flags it once, offering a swap to each pool member free then', async () => {
    const { interview, application, bea, cem } = await booked();
    eventWith(interview.id, { [bea.email!]: 'declined', 'cand@example.com': 'accepted' });
    expect((await checkResponses(deps())).flagged).toBe(1);

    expect(
      (await db.prisma.interviewInterviewer.findFirstOrThrow({ where: { interviewId: interview.id } })).response,
    ).toBe('DECLINED');
    const post = await db.prisma.outboxEffect.findFirstOrThrow({
      where: { applicationId: application.id, kind: 'slack.post' },
    });
    const payload = post.payload as { text: string; blocks: Array<{ elements?: Array<{ value: string }> }> };
    expect(payload.text).toBe('Bea declined Technical interview with Ada Lovelace.');
    expect(checkSurface({ type: 'message', blocks: payload.blocks as never, text: payload.text })).toEqual([]);
    const swaps = payload.blocks.flatMap((b) => b.elements ?? []).map((e) => JSON.parse(e.value).in);
    expect(swaps).toEqual([cem.id]); // Dan is busy at 10:00

    const calls = fake.calls();
    expect((await checkResponses(deps())).flagged).toBe(0);
    expect(fake.calls()).toBe(calls); // already flagged: the calendars are not asked again
  });

  it('flags silence within a day of the interview, not before', async () => {
    const { interview, bea } = await booked();
    eventWith(interview.id, { [bea.email!]: 'needsAction' });
    expect((await checkResponses(deps())).flagged).toBe(0);
    clock = new Date('2026-03-08T12:00:00Z');
    await checkResponses(deps());
    expect(
      await db.prisma.applicationEvent.count({
        where: { type: 'interviewer.silent', data: { path: ['interviewId'], equals: interview.id } },
      }),
    ).toBe(1);
  });

  it('swap moves the booking to the free member and updates the event; a busy one is refused', async () => {
    const { interview, bea, cem, dan } = await booked();
    expect(
      await swapInterviewer(deps(), { interviewId: interview.id, outUserId: bea.id, inUserId: dan.id, actor: system }),
    ).toEqual({
      status: 'refused',
      reasons: ['Dan is busy 10:00–12:00 Europe/Berlin'],
    });
    expect(
      await swapInterviewer(deps(), { interviewId: interview.id, outUserId: bea.id, inUserId: cem.id, actor: system }),
    ).toEqual({ status: 'swapped' });
    expect(
      (await db.prisma.interviewerBooking.findMany({ where: { interviewId: interview.id } })).map((b) => b.userId),
    ).toEqual([cem.id]);
    expect(
      await db.prisma.outboxEffect.count({
        where: { kind: 'calendar.sync', payload: { equals: { interviewId: interview.id } } },
      }),
    ).toBe(2);
    // A second click on the same flag is told it already happened.
    await expect(
      swapInterviewer(deps(), { interviewId: interview.id, outUserId: bea.id, inUserId: cem.id, actor: system }),
    ).rejects.toThrow('already swapped');
  });
});
