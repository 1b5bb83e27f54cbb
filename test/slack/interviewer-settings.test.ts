import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startJustin, type Justin } from '../../src/compose.js';
import { interviewerSettingsModal, notOnTeamModal } from '../../src/slack/blocks/interviewer-settings-modal.js';
import { checkSurface } from '../../src/slack/blocks/limits.js';
import { ACTIONS } from '../../src/slack/ids.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { silentLog } from '../setup/boss.js';
import { createTestDatabase } from '../setup/database.js';
import { buttonClick, commandBody, signedHeaders, slackAppEnv } from '../setup/slack.js';
import { eventually } from '../setup/workers.js';

// "My interviewing settings" and profile changes, driven the way Slack does: signed requests
// into the real server (web and workers), the Web API a local fake.
const fake = new FakeSlackApi();
let justin: Justin;
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  await fake.start();
  db = await createTestDatabase();
  justin = await startJustin(loadConfig(slackAppEnv({ databaseUrl: db.url, slackApiUrl: fake.url })), silentLog, {
    listen: false,
  });
  await justin.prisma.user.create({
    data: {
      slackTeamId: 'T0TEAM',
      slackUserId: 'U0IVY',
      name: 'Ivy',
      email: 'ivy@example.com',
      timeZone: 'Europe/Berlin',
      teamRoles: ['INTERVIEWER'],
    },
  });
});
afterAll(async () => {
  await justin?.stop();
  await db?.drop();
  await fake.stop();
});

type Modal = ReturnType<typeof interviewerSettingsModal>;
type Element = { type: string; initial_time?: string; initial_value?: string; initial_option?: { value: string } };

const post = (body: string, contentType?: string) =>
  justin.server.inject({
    method: 'POST',
    url: '/slack/events',
    payload: body,
    headers: signedHeaders(body, contentType ? { contentType } : {}),
  });
const hire = (text: string, user: string) => post(commandBody('/hire', text, { user }));
const interaction = (payload: Record<string, unknown>) =>
  post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());

async function openedModal(triggerId: string): Promise<Modal> {
  const opened = await eventually(async () =>
    fake.calls.find((c) => c.method === 'views.open' && c.args.trigger_id === triggerId),
  );
  return opened.args.view as Modal;
}

/** The view state Slack submits for the modal as it opened, with `changes` typed over it. */
function stateOf(view: Modal, changes: Record<string, Record<string, unknown>> = {}) {
  const values: Record<string, { value: Record<string, unknown> }> = {};
  for (const block of view.blocks) {
    if (!('block_id' in block) || !('element' in block)) continue;
    const e = block.element as unknown as Element;
    const state =
      e.type === 'timepicker'
        ? { selected_time: e.initial_time ?? null }
        : e.type === 'radio_buttons'
          ? { selected_option: e.initial_option ?? null }
          : { value: e.initial_value ?? null };
    values[block.block_id] = { value: { type: e.type, ...state, ...changes[block.block_id] } };
  }
  return values;
}

const submit = (view: Modal, values: Record<string, unknown>, user = 'U0IVY') =>
  interaction({
    type: 'view_submission',
    user: { id: user, team_id: 'T0TEAM' },
    team: { id: 'T0TEAM' },
    api_app_id: 'A0JUSTIN',
    view: { ...view, id: 'V1', state: { values } },
  });

describe('/hire me', () => {
  it('tells someone Justin does not know, privately, that they are not on a hiring team yet', async () => {
    const answer = (await hire('me', 'U0STRANGER')).json();
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/not on a hiring team yet/);
  });

  it('opens the modal filled with the defaults the scheduler uses; field errors first, then saved', async () => {
    expect((await hire('me', 'U0IVY')).statusCode).toBe(200);
    const view = await openedModal('1.2.abc');
    expect(view.callback_id).toBe(ACTIONS.interviewerSettingsSubmit);
    expect(
      checkSurface({
        type: 'modal',
        blocks: view.blocks as never,
        title: view.title.text,
        submit: view.submit.text,
        close: view.close.text,
      }),
    ).toEqual([]);
    const element = (block: string) =>
      (view.blocks.find((b) => 'block_id' in b && b.block_id === block) as unknown as { element: Element }).element;
    expect([
      element('mon_start').initial_time,
      element('fri_end').initial_time,
      element('sat_start').initial_time,
    ]).toEqual(['09:00', '17:00', undefined]);
    expect(element('calendar_id').initial_value).toBe('ivy@example.com');
    expect(JSON.stringify(view.blocks)).toContain('*Europe/Berlin*');

    const bad = await submit(view, stateOf(view, { mon_end: { selected_time: '08:00' } }));
    expect(bad.json()).toEqual({
      response_action: 'errors',
      errors: { mon_end: 'Monday must end after it starts (09:00).' },
    });

    const good = await submit(
      view,
      stateOf(view, {
        sat_start: { selected_time: '10:00' },
        sat_end: { selected_time: '12:30' },
        fri_start: { selected_time: null },
        fri_end: { selected_time: null },
        days_off: { value: '2099-03-10, 2099-04-01..2099-04-02' },
        daily_cap: { value: '2' },
        weekly_cap: { value: '6' },
        tentative: { selected_option: { value: 'free' } },
        calendar_id: { value: 'ivy.work@example.com' },
      }),
    );
    expect(good.statusCode).toBe(200);
    expect(good.body).toBe('');
    const ivy = await justin.prisma.user.findFirstOrThrow({ where: { slackUserId: 'U0IVY' } });
    const nine: [string, string][] = [['09:00', '17:00']];
    expect(ivy).toMatchObject({
      workingHours: {
        weekly: { mon: nine, tue: nine, wed: nine, thu: nine, sat: [['10:00', '12:30']] },
        overrides: ['2099-03-10', '2099-04-01', '2099-04-02'].map((date) => ({ date, hours: [] })),
      },
      dailyInterviewCap: 2,
      weeklyInterviewCap: 6,
      busyPolicy: { tentative: 'free', outOfOffice: 'busy', allDay: 'free' },
      calendarId: 'ivy.work@example.com',
    });
    expect(await justin.prisma.auditEntry.count({ where: { action: 'person.settings', actorId: 'U0IVY' } })).toBe(1);
    // A new calendar id is checked again: the person's sync runs.
    await eventually(async () => fake.calls.some((c) => c.method === 'users.info' && c.args.user === 'U0IVY'));

    // Opened again (from the App Home), the modal shows what was saved.
    const opened = fake.calls.filter((c) => c.method === 'views.open').length;
    await interaction(
      buttonClick({
        action: ACTIONS.openInterviewerSettings,
        value: '',
        user: 'U0IVY',
        channel: 'D0HOME',
        responseOrigin: fake.origin,
      }),
    );
    const again = (await eventually(
      async () => fake.calls.filter((c) => c.method === 'views.open')[opened]?.args.view,
    )) as Modal;
    const state = stateOf(again);
    expect(state.days_off!.value.value).toBe('2099-03-10, 2099-04-01..2099-04-02');
    expect([
      state.fri_start!.value.selected_time,
      state.sat_end!.value.selected_time,
      state.daily_cap!.value.value,
    ]).toEqual([null, '12:30', '2']);
  });
});

describe('App Home', () => {
  it('has a button that opens the settings, and tells a stranger they are not on a hiring team', async () => {
    const opens = () => fake.calls.filter((c) => c.method === 'views.open');
    const before = opens().length;
    await interaction(
      buttonClick({
        action: ACTIONS.openInterviewerSettings,
        value: '',
        user: 'U0NOBODY',
        channel: 'D0HOME',
        responseOrigin: fake.origin,
      }),
    );
    const view = await eventually(async () => opens()[before]?.args.view);
    expect(JSON.stringify(view)).toMatch(/not on a hiring team yet/);
  });
});

describe('user_change', () => {
  const event = (id: string, user: Record<string, unknown>) =>
    JSON.stringify({
      type: 'event_callback',
      event_id: id,
      team_id: 'T0TEAM',
      api_app_id: 'A0JUSTIN',
      event: { type: 'user_change', user, cache_ts: 1, event_ts: '1.2' },
    });

  it('picks up a known person’s new time zone from Slack', async () => {
    fake.users.set('U0IVY', { tz: 'Asia/Tokyo', real_name: 'Ivy Chen', email: 'ivy@example.com' });
    const res = await post(
      event('Ev0TZ1', {
        id: 'U0IVY',
        team_id: 'T0TEAM',
        tz: 'Asia/Tokyo',
        real_name: 'Ivy Chen',
        profile: { real_name: 'Ivy Chen' },
      }),
      'application/json',
    );
    expect(res.statusCode).toBe(200);
    const ivy = await eventually(async () => {
      const row = await justin.prisma.user.findFirstOrThrow({ where: { slackUserId: 'U0IVY' } });
      return row.timeZone === 'Asia/Tokyo' && row;
    });
    expect(ivy).toMatchObject({ name: 'Ivy Chen', calendarId: 'ivy.work@example.com' });
  });
});

describe('the settings modal stays inside Slack limits', () => {
  it('with a year of scattered days off, every day worked, and a very long calendar id', () => {
    const day = (i: number) => new Date(Date.UTC(2099, 0, 1 + 2 * i)).toISOString().slice(0, 10);
    const view = interviewerSettingsModal({
      timeZone: 'America/Argentina/ComodRivadavia',
      settings: {
        weekly: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '23:30']]]),
        ),
        daysOff: Array.from({ length: 366 }, (_, i) => day(i)),
        dailyCap: 20,
        weeklyCap: 20,
        busyPolicy: { tentative: 'free', outOfOffice: 'free', allDay: 'busy' },
        calendarId: `${'x'.repeat(300)}@example.com`,
      },
    });
    const modal = {
      type: 'modal' as const,
      blocks: view.blocks as never,
      title: view.title.text,
      submit: view.submit.text,
    };
    expect(checkSurface({ ...modal, close: view.close.text })).toEqual([]);
    const stranger = notOnTeamModal();
    expect(
      checkSurface({ type: 'modal', blocks: stranger.blocks, title: stranger.title.text, close: stranger.close.text }),
    ).toEqual([]);
  });
});
