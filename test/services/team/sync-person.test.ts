import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../../../src/domain/scheduling/scheduling-policy.js';
import { AppError } from '../../../src/errors.js';
import { createGoogleAuth, type GoogleAuth } from '../../../src/google/google-auth.js';
import { openRole } from '../../../src/services/roles/open-role.js';
import { ZAfterInterviewPolicy } from '../../../src/domain/interviews/after-interview-policy.js';
import { createCalendarAvailability } from '../../../src/services/scheduling/availability.js';
import { changeTeamRoles } from '../../../src/services/team/change-team-roles.js';
import { noteProfileChange } from '../../../src/services/team/note-profile-change.js';
import { requestPersonSync, syncPerson, type SyncPersonDeps } from '../../../src/services/team/sync-person.js';
import { ZSlackUser } from '../../../src/domain/team/slack-profile.js';
import { createSlackClient } from '../../../src/slack/web-client.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { silentLog, useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';
import { MAILBOX, testGoogleAuth } from '../../setup/google-auth.js';
import { GOOGLE, useNock } from '../../setup/google.js';
import { eventually, jobDeps, startWorkers } from '../../setup/workers.js';

// Filling team members in from Slack's users.info (a local fake of the Web API) and checking
// their calendars through Google's freeBusy (nock), against a real database and pg-boss.
const db = useTestDatabase();
const q = useTestBoss(db);
useNock();
const slackApi = new FakeSlackApi();
beforeAll(() => slackApi.start());
afterAll(() => slackApi.stop());
beforeEach(() => {
  slackApi.hook = () => 'respond';
});

const TEAM = 'T0TEAM';
const newId = () => `U0${randomBytes(4).toString('hex').toUpperCase()}`;
const now = () => new Date('2027-03-01T09:00:00Z');

/** Google's freeBusy for the next sync: calendars in `unreadable` come back with notFound, as Google answers them. */
function calendars({ unreadable = [] as string[] } = {}) {
  const asked: string[][] = [];
  nock(GOOGLE)
    .persist()
    .post('/calendar/v3/freeBusy')
    .reply(200, async (request: Request) => {
      const { items } = (await request.json()) as { items: { id: string }[] };
      asked.push(items.map((i) => i.id));
      const answer = (id: string) =>
        unreadable.includes(id) ? { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] } : { busy: [] };
      return { calendars: Object.fromEntries(items.map(({ id }) => [id, answer(id)])) };
    });
  return asked;
}

function deps({ slack = true, auth = testGoogleAuth() as GoogleAuth } = {}): SyncPersonDeps {
  const google = { auth, rootUrl: `${GOOGLE}/`, mailbox: MAILBOX };
  return {
    prisma: db.prisma,
    boss: q.boss,
    log: silentLog,
    now,
    slack: slack ? createSlackClient({ token: 'xoxb-test', apiUrl: slackApi.url, log: silentLog }) : undefined,
    google,
    availability: createCalendarAvailability(google),
  };
}

/** A User row as naming someone in Slack leaves it: the Slack id as its name, nothing else. */
async function placeholder(slackUserId = newId()) {
  await db.prisma.user.create({ data: { slackTeamId: TEAM, slackUserId, name: slackUserId } });
  return slackUserId;
}

const row = (slackUserId: string) =>
  db.prisma.user.findUniqueOrThrow({ where: { slackTeamId_slackUserId: { slackTeamId: TEAM, slackUserId } } });
const toldTo = async (channel: string) =>
  (await db.prisma.outboxEffect.findMany({ where: { kind: 'slack.post' } })).filter(
    (e) => (e.payload as { channel: string }).channel === channel,
  );

describe('syncPerson', () => {
  it('fills a placeholder from Slack: name, email, zone, the email as calendar, 9 to 5 stored explicitly', async () => {
    const ada = await placeholder();
    slackApi.users.set(ada, { tz: 'Europe/London', real_name: 'Ada Lovelace', email: 'Ada@Example.com' });
    const asked = calendars();
    const outcome = await syncPerson(deps(), { slackTeamId: TEAM, slackUserId: ada });
    expect(outcome).toEqual({
      status: 'synced',
      changed: ['name', 'email', 'timeZone', 'calendarId', 'workingHours'],
      calendar: 'readable',
    });
    expect(await row(ada)).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      timeZone: 'Europe/London',
      calendarId: 'ada@example.com',
      workingHours: DEFAULT_WORKING_HOURS,
    });
    expect(asked).toEqual([['ada@example.com']]);
    expect(await toldTo(ada)).toEqual([]);

    // Again: nothing changes, the calendar is read again (it may have been unshared since).
    expect(await syncPerson(deps(), { slackTeamId: TEAM, slackUserId: ada })).toEqual({
      status: 'synced',
      changed: [],
      calendar: 'readable',
    });
  });

  it('keeps the stored zone when Slack sends a non-IANA one, and a calendar the person chose', async () => {
    const bea = await placeholder();
    await db.prisma.user.update({
      where: { slackTeamId_slackUserId: { slackTeamId: TEAM, slackUserId: bea } },
      data: { timeZone: 'Asia/Kolkata', calendarId: 'c_bea@group.calendar.google.com' },
    });
    slackApi.users.set(bea, { tz: 'IST', real_name: 'Bea', email: 'bea@example.com' });
    calendars();
    await syncPerson(deps(), { slackTeamId: TEAM, slackUserId: bea });
    expect(await row(bea)).toMatchObject({
      timeZone: 'Asia/Kolkata',
      calendarId: 'c_bea@group.calendar.google.com',
      email: 'bea@example.com',
    });
  });

  it('tells the person and their roles’ recruiters, once per calendar, when it cannot be read', async () => {
    const cem = await placeholder();
    const recruiter = newId();
    slackApi.users.set(cem, { tz: 'Europe/Berlin', real_name: 'Cem', email: 'cem@example.com' });
    const open = async (title: string) => {
      const opened = await openRole(
        { prisma: db.prisma, boss: q.boss },
        { actorSlackId: 'U0ADMIN', slackTeamId: TEAM, input: roleInput(title, recruiter, [cem]) },
      );
      if (!opened.ok || !opened.roleId) throw new Error(`role ${title} was not opened`);
      return opened.roleId;
    };
    const [platform, data, closed] = [
      await open('Platform Engineer'),
      await open('Data Engineer'),
      await open('Old Role'),
    ];
    await db.prisma.role.update({ where: { id: closed }, data: { status: 'CLOSED' } });
    expect([platform, data]).toHaveLength(2);
    calendars({ unreadable: ['cem@example.com'] });

    expect(await syncPerson(deps(), { slackTeamId: TEAM, slackUserId: cem })).toMatchObject({ calendar: 'unreadable' });
    const [toCem] = await toldTo(cem);
    expect((toCem!.payload as { text: string }).text).toMatch(
      /I can't read your calendar \(`cem@example\.com`; Google said: notFound\)/,
    );
    expect((toCem!.payload as { text: string }).text).toContain(
      `add \`${MAILBOX}\` with *See only free/busy (hide details)*`,
    );
    const toRecruiter = await toldTo(recruiter);
    expect(toRecruiter).toHaveLength(1);
    expect((toRecruiter[0]!.payload as { text: string }).text).toMatch(
      new RegExp(`<@${cem}>'s calendar .* for \\*Data Engineer\\*, \\*Platform Engineer\\*\\.`),
    );
    expect((toRecruiter[0]!.payload as { text: string }).text).not.toContain('Old Role');
    const audit = await db.prisma.auditEntry.findMany({
      where: { action: 'person.calendar_unreadable', subjectId: cem },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        actorType: 'SYSTEM',
        data: { calendarId: 'cem@example.com', problems: ['notFound'], told: [cem, recruiter] },
      }),
    ]);

    // The next sync says nothing more about the same calendar (and does not even ask Google).
    expect(await syncPerson(deps(), { slackTeamId: TEAM, slackUserId: cem })).toMatchObject({
      calendar: 'already-reported',
    });
    expect(await toldTo(cem)).toHaveLength(1);
  });

  it('with a service account, says what the delegation needs instead', async () => {
    const dan = await placeholder();
    slackApi.users.set(dan, { tz: 'Europe/Berlin', real_name: 'Dan', email: 'dan@example.com' });
    calendars({ unreadable: ['dan@example.com'] });
    const delegated = { ...testGoogleAuth(), impersonates: true };
    await syncPerson(deps({ auth: delegated }), { slackTeamId: TEAM, slackUserId: dan });
    const [told] = await toldTo(dan);
    expect((told!.payload as { text: string }).text).toMatch(
      /domain-wide delegation.*`dan@example\.com` is an account in the domain/s,
    );
  });

  it('says nothing while Google is not connected, and checks at the next sync once it is', async () => {
    const eve = await placeholder();
    slackApi.users.set(eve, { tz: 'Europe/Paris', real_name: 'Eve', email: 'eve@example.com' });
    const auth = createGoogleAuth({
      serviceAccountJson: undefined,
      oauth: { clientId: 'x.apps.googleusercontent.com', clientSecret: 's' },
      oauthTokens: undefined,
    });
    expect(await syncPerson(deps({ auth }), { slackTeamId: TEAM, slackUserId: eve })).toMatchObject({
      status: 'synced',
      calendar: 'not-connected',
    });
    expect(await row(eve)).toMatchObject({ calendarId: 'eve@example.com' });

    auth.useTokens!({ refresh_token: 'r', access_token: 'ya29.t', expiry_date: Date.now() + 3_600_000 });
    calendars({ unreadable: ['eve@example.com'] });
    expect(await syncPerson(deps({ auth }), { slackTeamId: TEAM, slackUserId: eve })).toMatchObject({
      changed: [],
      calendar: 'unreadable',
    });
    expect(await toldTo(eve)).toHaveLength(1);
  });

  it.each([
    ['deleted', { deleted: true }],
    ['bot', { is_bot: true }],
  ])('notes a %s account once and fills in nothing', async (reason, flags) => {
    const gone = await placeholder();
    slackApi.hook = (method) =>
      method === 'users.info'
        ? {
            status: 200,
            body: {
              ok: true,
              user: {
                id: gone,
                ...flags,
                real_name: 'Gone',
                tz: 'Europe/Rome',
                profile: { email: 'gone@example.com' },
              },
            },
          }
        : 'respond';
    for (let i = 0; i < 2; i++)
      expect(await syncPerson(deps(), { slackTeamId: TEAM, slackUserId: gone })).toEqual({
        status: 'inactive',
        reason,
      });
    expect(await row(gone)).toMatchObject({
      name: gone,
      email: null,
      calendarId: null,
      timeZone: 'UTC',
      workingHours: null,
    });
    expect(await db.prisma.auditEntry.count({ where: { action: 'person.slack_inactive', subjectId: gone } })).toBe(1);
  });

  it('drops someone Slack does not know, and throws on a Slack error worth retrying', async () => {
    const ghost = await placeholder();
    expect(await syncPerson(deps(), { slackTeamId: TEAM, slackUserId: ghost })).toEqual({ status: 'not-found' });
    expect(await row(ghost)).toMatchObject({ name: ghost });

    slackApi.users.set(ghost, { tz: 'Europe/Rome', real_name: 'Ghost' });
    slackApi.hook = () => ({ status: 200, body: { ok: false, error: 'internal_error' } });
    const err = await syncPerson(deps(), { slackTeamId: TEAM, slackUserId: ghost }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).retryable).toBe(true);
    slackApi.hook = () => ({ status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } });
    expect(
      await syncPerson(deps(), { slackTeamId: TEAM, slackUserId: ghost }).catch((e: AppError) => e.retryAfterMs),
    ).toBe(3000);
  });

  it('does nothing without Slack', async () => {
    const fay = await placeholder();
    expect(await syncPerson(deps({ slack: false }), { slackTeamId: TEAM, slackUserId: fay })).toEqual({
      status: 'slack-off',
    });
  });
});

describe('queueing syncs', () => {
  const queued = (slackUserId: string) =>
    q.boss.findJobs('team.sync-person', { key: `${TEAM}:${slackUserId}`, queued: true });

  it('keeps one waiting sync per person however often they are named', async () => {
    const jo = newId();
    for (let i = 0; i < 3; i++)
      await db.prisma.$transaction((tx) => requestPersonSync(tx, q.boss, { slackTeamId: TEAM, slackUserId: jo }));
    expect(await queued(jo)).toHaveLength(1);
  });

  it('queues one for a profile change that matters, and none for a status change or a stranger', async () => {
    const kim = await placeholder();
    await db.prisma.user.update({
      where: { slackTeamId_slackUserId: { slackTeamId: TEAM, slackUserId: kim } },
      data: { name: 'Kim', timeZone: 'Europe/Oslo', workingHours: {} },
    });
    const change = (user: Record<string, unknown>) =>
      noteProfileChange({ prisma: db.prisma, boss: q.boss }, { user: ZSlackUser.parse({ id: kim, ...user }) });
    expect(await change({ real_name: 'Kim', tz: 'Europe/Oslo', profile: { status_text: 'lunch' } })).toBe('unchanged');
    expect(await queued(kim)).toHaveLength(0);
    expect(await change({ real_name: 'Kim', tz: 'America/Denver' })).toBe('queued');
    expect(await queued(kim)).toHaveLength(1);
    expect(
      await noteProfileChange(
        { prisma: db.prisma, boss: q.boss },
        { user: ZSlackUser.parse({ id: 'U0STRANGER', tz: 'Asia/Tokyo' }) },
      ),
    ).toBe('unknown');
  });
});

describe('naming someone in Slack queues their sync', () => {
  it('from /hire team add and from the role modal, each person filled in by the worker', async () => {
    const [gus, hal, ida] = [newId(), newId(), newId()];
    for (const [id, name] of [
      [gus, 'Gus'],
      [hal, 'Hal'],
      [ida, 'Ida'],
    ] as const) {
      slackApi.users.set(id, { tz: 'America/Chicago', real_name: name, email: `${name.toLowerCase()}@example.com` });
    }
    const asked = calendars();
    const { slack, google, availability } = deps();
    await startWorkers(
      jobDeps({ prisma: db.prisma, boss: q.boss, slack: slack!, google: google!, availability: availability!, now }),
    );

    await changeTeamRoles(
      { prisma: db.prisma, boss: q.boss },
      {
        actorSlackId: 'U0ADMIN',
        slackTeamId: TEAM,
        targetSlackId: gus,
        targetLabel: 'gus',
        roles: ['INTERVIEWER'],
        grant: true,
      },
    );
    await openRole(
      { prisma: db.prisma, boss: q.boss },
      { actorSlackId: 'U0ADMIN', slackTeamId: TEAM, input: roleInput('SRE', hal, [ida, hal]) },
    );
    for (const [id, name] of [
      [gus, 'Gus'],
      [hal, 'Hal'],
      [ida, 'Ida'],
    ] as const) {
      await eventually(async () => (await row(id)).name === name);
      expect(await row(id)).toMatchObject({
        timeZone: 'America/Chicago',
        calendarId: `${name.toLowerCase()}@example.com`,
      });
    }
    await eventually(async () => ['gus', 'hal', 'ida'].every((n) => asked.flat().includes(`${n}@example.com`)));
  });
});

function roleInput(title: string, recruiter: string, pool: string[]) {
  return {
    title,
    description: '',
    requirements: '',
    location: null,
    hiringManager: 'U0HM',
    recruiter,
    channel: 'C0ROLE',
    newChannel: null,
    stages: [
      { row: 0, name: 'Technical', durationMinutes: 60, kind: 'TECHNICAL' as const, pool, needed: 1, competencies: [] },
    ],
    holdProposedSlots: false,
    afterInterview: ZAfterInterviewPolicy.parse({}),
    offer: { approvers: [], threshold: null },
  };
}
