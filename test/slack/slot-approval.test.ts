import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startJustin, type Justin } from '../../src/compose.js';
import { showCandidateCard } from '../../src/services/applications/show-card.js';
import { checkSurface } from '../../src/slack/blocks/limits.js';
import { ACTIONS } from '../../src/slack/ids.js';
import { FakeSlackApi, type FakeMessage } from '../fakes/slack-api.js';
import { silentLog } from '../setup/boss.js';
import { createTestDatabase } from '../setup/database.js';
import { GOOGLE } from '../setup/google.js';
import { buttonClick, signedHeaders, slackAppEnv } from '../setup/slack.js';
import { eventually } from '../setup/workers.js';

// Advance a candidate into scheduling and approve the times Justin proposes, the way Slack
// and Google would: signed interactions into the server, a fake Slack Web API on loopback,
// Google's token and freeBusy endpoints through nock, workers running.
const fake = new FakeSlackApi();
let justin: Justin;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const busy = new Map<string, Array<{ start: string; end: string }>>();

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  nock(GOOGLE)
    .persist()
    .get('/gmail/v1/users/me/profile')
    .reply(200, { emailAddress: 'jobs@example.com', historyId: '1' });
  nock('https://oauth2.googleapis.com')
    .persist()
    .post('/token')
    .reply(200, { access_token: 'ya29.sa', expires_in: 3600, token_type: 'Bearer' });
  nock(GOOGLE)
    .persist()
    .post('/calendar/v3/freeBusy')
    .reply(200, async (request: Request) => {
      const body = (await request.json()) as { items: Array<{ id: string }> };
      return {
        calendars: Object.fromEntries(
          body.items.map(({ id }) => [
            id,
            id.startsWith('broken') ? { errors: [{ reason: 'notFound' }] } : { busy: busy.get(id) ?? [] },
          ]),
        ),
      };
    });
  await fake.start();
  db = await createTestDatabase();
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const config = loadConfig(
    slackAppEnv({
      databaseUrl: db.url,
      slackApiUrl: fake.url,
      GMAIL_MAILBOX: 'jobs@example.com',
      GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify({
        type: 'service_account',
        client_email: 'justin@proj.iam.gserviceaccount.com',
        private_key: privateKey,
      }),
    }),
  );
  justin = await startJustin(config, silentLog, { listen: false });
});
afterAll(async () => {
  await justin?.stop();
  await db?.drop();
  await fake.stop();
  nock.cleanAll();
  nock.enableNetConnect();
});

const allDay: [string, string][] = [['00:00', '24:00']];
const always = {
  weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
};

/** A candidate at screening whose next step is a one-hour interview with `interviewers`. */
async function candidateAtScreening(channel: string, interviewers: string[]) {
  const p = justin.prisma;
  const users = await Promise.all(
    interviewers.map((name, i) =>
      p.user.create({
        data: {
          slackTeamId: 'T0TEAM',
          slackUserId: `U0${channel}${i}`,
          name,
          email: `${name.toLowerCase()}@example.com`,
          timeZone: 'Europe/Berlin',
          workingHours: always,
        },
      }),
    ),
  );
  const role = await p.role.create({
    data: {
      title: `Platform Engineer (${channel})`,
      slackChannelId: channel,
      policy: { scheduling: { minNoticeHours: 2, slotsToOffer: 3 } },
      stages: {
        create: [
          {
            position: 0,
            name: 'System design',
            durationMinutes: 60,
            panelMode: 'ALL',
            pool: { create: users.map((u) => ({ userId: u.id })) },
          },
        ],
      },
    },
  });
  const email = `cand.${channel.toLowerCase()}@example.com`;
  const candidate = await p.candidate.create({
    data: { name: 'Barbara Liskov', email, displayEmail: email, timeZone: 'America/New_York' },
  });
  const app = await p.application.create({ data: { roleId: role.id, candidateId: candidate.id, stage: 'SCREENING' } });
  await p.$transaction((tx) => showCandidateCard({ tx, boss: justin.boss }, app.id));
  await eventually(async () => (await p.application.findUniqueOrThrow({ where: { id: app.id } })).slackMessageTs);
  return { app, users };
}

function click(channel: string, action: string, value: string, user: string, messageTs = '1') {
  const body = new URLSearchParams({
    payload: JSON.stringify(buttonClick({ action, value, user, channel, messageTs, responseOrigin: fake.origin })),
  }).toString();
  return justin.server.inject({ method: 'POST', url: '/slack/events', payload: body, headers: signedHeaders(body) });
}

const proposalIn = (channel: string) =>
  eventually(async () => fake.messages.find((m) => m.channel === channel && m.text.startsWith('Times for')));
const approveButtons = (m: FakeMessage) =>
  ((m.blocks ?? []) as Array<{ accessory?: { action_id: string; value: string } }>).flatMap((b) =>
    b.accessory?.action_id === ACTIONS.approveSlot ? [b.accessory.value] : [],
  );

describe('Google on the status page', () => {
  it('reads the mailbox (Gmail) and its calendar to prove the connection works', async () => {
    // The page answers at once; a probe slower than that shows "checking" until its answer is in.
    const google = await eventually(async () => {
      const status = (await justin.server.inject({ method: 'GET', url: '/status.json' })).json();
      const row = status.integrations.find((i: { name: string }) => i.name === 'Gmail and Google Calendar');
      return row.probe.state === 'unchecked' ? undefined : row;
    });
    expect(google.probe).toMatchObject({
      state: 'ok',
      detail:
        'Gmail readable as jobs@example.com; not synced yet; polling (no push topic) ' +
        '· Calendar readable as jobs@example.com',
    });
  });
});

describe('proposing and approving interview times in Slack', () => {
  it(
    'advancing a candidate proposes times in the role channel; an admin approves one; a late click is told who ' +
      'decided',
    async () => {
      const { app } = await candidateAtScreening('C0SCHED', ['Bea']);
      expect((await click('C0SCHED', ACTIONS.advance, `${app.id}:0`, 'U0ADMIN')).statusCode).toBe(200);

      const proposal = await proposalIn('C0SCHED');
      expect(checkSurface({ type: 'message', blocks: proposal.blocks as never, text: proposal.text })).toEqual([]);
      const slotIds = approveButtons(proposal);
      expect(slotIds).toHaveLength(3);
      // the candidate's local time, zone spelled out
      expect(JSON.stringify(proposal.blocks)).toContain('America/New_York');
      expect(JSON.stringify(proposal.blocks)).toContain('<!date^'); // each reader's own zone

      await click('C0SCHED', ACTIONS.approveSlot, slotIds[1]!, 'U0NOBODY', proposal.ts);
      await eventually(async () =>
        fake.responses.find((r) => r.path.endsWith('/U0NOBODY') && String(r.body.text).includes('Sorry')),
      );

      await click('C0SCHED', ACTIONS.approveSlot, slotIds[1]!, 'U0ADMIN', proposal.ts);
      const interview = await eventually(
        async () =>
          (await justin.prisma.interview.findFirst({
            where: { applicationId: app.id, status: 'AWAITING_CANDIDATE' },
            include: { proposals: true },
          })) ?? undefined,
      );
      expect(interview.proposals.find((p) => p.id === slotIds[1])).toMatchObject({
        status: 'APPROVED',
        approvedAt: expect.any(Date),
      });
      expect(interview.proposals.filter((p) => p.status === 'WITHDRAWN')).toHaveLength(2);
      const event = await justin.prisma.applicationEvent.findFirstOrThrow({
        where: { applicationId: app.id, type: 'slots.approved' },
      });
      expect(event).toMatchObject({ actorType: 'USER', actorId: 'U0ADMIN', data: { proposalIds: [slotIds[1]] } });
      expect(
        await justin.boss.findJobs('agent.turn', {
          data: { event: { type: 'slots-approved', interviewId: interview.id } },
        }),
      ).toHaveLength(1);

      // The message loses its buttons and says who approved.
      await eventually(async () => {
        const updated = fake.messages.find((m) => m.ts === proposal.ts)!;
        return (
          approveButtons(updated).length === 0 && JSON.stringify(updated.blocks).includes('Approved by <@U0ADMIN>')
        );
      });

      await click('C0SCHED', ACTIONS.approveAllSlots, interview.id, 'U0ADMIN', proposal.ts);
      await eventually(async () =>
        fake.responses.find(
          (r) => r.path.endsWith('/U0ADMIN') && String(r.body.text).includes('Already decided: <@U0ADMIN> approved'),
        ),
      );
    },
  );

  it(
    'warns in the channel about a calendar it cannot read, ' + 'before proposing, and says what would unblock',
    async () => {
      const { app } = await candidateAtScreening('C0WARN', ['Bea', 'Broken']);
      await click('C0WARN', ACTIONS.advance, `${app.id}:0`, 'U0ADMIN');
      // The broken calendar counts as busy, so a panel needing it has no times: warning, then "no times".
      const warning = await eventually(async () =>
        fake.messages.find((m) => m.channel === 'C0WARN' && m.text.includes('could not be read')),
      );
      expect(warning.text).toContain('Broken: notFound');
      const none = await eventually(async () =>
        fake.messages.find((m) => m.channel === 'C0WARN' && m.text.startsWith('No times found')),
      );
      expect(JSON.stringify(none.blocks)).toContain("Broken's calendar could not be read");
      expect(JSON.stringify(none.blocks)).toContain('hold the panel without Broken');
      expect(Number(warning.ts)).toBeLessThan(Number(none.ts));

      // Once the calendar is fixed, "Propose times" on the card looks again.
      await justin.prisma.user.updateMany({ where: { name: 'Broken' }, data: { calendarId: 'fixed@example.com' } });
      const version = (await justin.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).version;
      await click('C0WARN', ACTIONS.proposeTimes, `${app.id}:${version}`, 'U0ADMIN');
      await eventually(async () => fake.messages.find((m) => m.channel === 'C0WARN' && m.text.startsWith('Times for')));
    },
  );
});
