import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startJustin, type Justin } from '../../src/compose.js';
import { showCandidateCard } from '../../src/services/applications/show-card.js';
import { candidateCard, closeModal } from '../../src/slack/blocks/candidate-card.js';
import { checkSurface } from '../../src/slack/blocks/limits.js';
import { ACTIONS } from '../../src/slack/ids.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { roleModal } from '../../src/slack/blocks/role-modal.js';
import { candidateDetailsMessage } from '../../src/slack/blocks/candidate-details.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { silentLog } from '../setup/boss.js';
import { createTestDatabase } from '../setup/database.js';
import { buttonClick, homeOpenedEvent, signedHeaders, slackAppEnv } from '../setup/slack.js';
import { eventually } from '../setup/workers.js';

// The whole app (web and workers) against a local fake of the Slack Web API.
const fake = new FakeSlackApi();
let justin: Justin;
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  await fake.start();
  db = await createTestDatabase();
  const config = loadConfig(slackAppEnv({ databaseUrl: db.url, slackApiUrl: fake.url }));
  justin = await startJustin(config, silentLog, { listen: false });
});
afterAll(async () => {
  await justin?.stop();
  await db?.drop();
  await fake.stop();
});

let dataEngineer: { id: string } | undefined;
/** An application to the Data Engineer role (one open role of a title at a time), or to a role of its own. */
async function newApplication(name: string, { ownRole = false } = {}) {
  const p = justin.prisma;
  const create = (title: string) =>
    p.role.create({
      data: {
        title,
        slackChannelId: 'C0DATA',
        stages: { create: [{ position: 0, name: 'Call', durationMinutes: 30 }] },
      },
    });
  const role = ownRole ? await create(`Data Engineer for ${name}`) : (dataEngineer ??= await create('Data Engineer'));
  const email = `${name.split(' ')[0]!.toLowerCase()}.${Date.now()}@example.com`;
  const candidate = await p.candidate.create({ data: { name, email, displayEmail: email } });
  const app = await p.application.create({
    data: { roleId: role.id, candidateId: candidate.id, fitSummary: 'Strong on Postgres and streaming.' },
  });
  await p.$transaction((tx) => showCandidateCard({ tx, boss: justin.boss }, app.id));
  const posted = await eventually(
    async () => (await p.application.findUniqueOrThrow({ where: { id: app.id } })).slackMessageTs,
  );
  return { app, ts: posted };
}

function interaction(payload: Record<string, unknown>) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return justin.server.inject({ method: 'POST', url: '/slack/events', payload: body, headers: signedHeaders(body) });
}

function click(action: string, value: string, user: string) {
  return interaction(buttonClick({ action, value, user, channel: 'C0DATA', responseOrigin: fake.origin }));
}

const buttons = (blocks: unknown[] | undefined) =>
  ((blocks ?? []) as { type: string; elements?: { action_id: string }[] }[]).flatMap((b) =>
    b.type === 'actions' ? b.elements!.map((e) => e.action_id) : [],
  );

describe('candidate card', () => {
  it('is posted once to the role channel, with its buttons', async () => {
    const { app, ts } = await newApplication('Edgar Codd');
    const cards = fake.messages.filter((m) => m.ts === ts);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ channel: 'C0DATA', metadata: { event_payload: { key: `card:${app.id}` } } });
    expect(buttons(cards[0]!.blocks)).toEqual([ACTIONS.advance, ACTIONS.reject, ACTIONS.withdraw, ACTIONS.viewDetails]);
    expect(JSON.stringify(cards[0]!.blocks)).toContain('"text":"Advance to screening"');
    expect(JSON.stringify(cards[0]!.blocks)).not.toContain('@example.com'); // the role does not allow emails in channel
  });

  it(
    'moves on Advance, updates the card in place and notes it in the thread; ' + 'a stale second click is told who won',
    async () => {
      const { app, ts } = await newApplication('Barbara Liskov');
      const res = await click(ACTIONS.advance, `${app.id}:0`, 'U0ADMIN');
      expect(res.statusCode).toBe(200);
      await eventually(
        async () =>
          (await justin.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).stage === 'SCREENING',
      );
      await eventually(async () => fake.messages.find((m) => m.ts === ts)?.text.includes('Screening'));
      expect(fake.messages.filter((m) => m.ts === ts)).toHaveLength(1);
      await eventually(async () =>
        fake.messages.some((m) => m.thread_ts === ts && m.text.includes('New → *Screening* by <@U0ADMIN>')),
      );
      // The button says what the next Advance does: schedule the plan's first step.
      const advanceText = (blocks: unknown[] | undefined) =>
        JSON.stringify(blocks).match(/"text":\{"type":"plain_text","text":"([^"]+)"\},"value"/)?.[1];
      await eventually(
        async () => advanceText(fake.messages.find((m) => m.ts === ts)?.blocks) === 'Schedule: Call' || undefined,
      );

      await justin.prisma.user.create({
        data: { slackTeamId: 'T0TEAM', slackUserId: 'U0RECRUITER', name: 'r', teamRoles: ['RECRUITER'] },
      });
      await click(ACTIONS.advance, `${app.id}:0`, 'U0RECRUITER');
      const told = await eventually(async () => fake.responses.find((r) => r.path === '/respond/U0RECRUITER'));
      expect(told.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(told.body.text)).toBe('Someone got there first: <@U0ADMIN> did "advance"; it is now at screening.');
      expect((await justin.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).version).toBe(1);
    },
  );

  it('refuses a click from outside the hiring team, privately, and changes nothing', async () => {
    const { app } = await newApplication('Jim Gray');
    await click(ACTIONS.advance, `${app.id}:0`, 'U0STRANGER');
    const told = await eventually(async () => fake.responses.find((r) => r.path === '/respond/U0STRANGER'));
    expect(String(told.body.text)).toMatch(/for recruiters, hiring managers and admins/);
    expect((await justin.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).stage).toBe('NEW');
  });

  it('shows details privately to the hiring team (audited), and refuses anyone else', async () => {
    const { app } = await newApplication('Radia Perlman');
    await click(ACTIONS.viewDetails, app.id, 'U0STRANGER2');
    const refused = await eventually(async () => fake.responses.find((r) => r.path === '/respond/U0STRANGER2'));
    expect(refused.body.text).toBe('Sorry, candidate details are for the hiring team.');
    await click(ACTIONS.viewDetails, app.id, 'U0ADMIN');
    const details = await eventually(async () =>
      fake.responses.find((r) => r.path === '/respond/U0ADMIN' && String(r.body.text).startsWith('Radia Perlman')),
    );
    expect(details.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(details.body.blocks)).toContain('radia.');
    expect(
      checkSurface({ type: 'message', blocks: details.body.blocks as never, text: String(details.body.text) }),
    ).toEqual([]);
    expect(
      await justin.prisma.auditEntry.count({
        where: { action: 'candidate.view', actorId: 'U0ADMIN', subjectId: app.id },
      }),
    ).toBe(1);
  });

  it('rejects through a modal: field errors for a missing reason, then the rejection and a closed card', async () => {
    const { app, ts } = await newApplication('Michael Stonebraker');
    await click(ACTIONS.reject, `${app.id}:0`, 'U0ADMIN');
    const opened = await eventually(async () =>
      fake.calls.find((c) => c.method === 'views.open' && JSON.stringify(c.args).includes(app.id)),
    );
    const view = opened.args.view as ReturnType<typeof closeModal>;
    expect(view.callback_id).toBe(ACTIONS.rejectSubmit);

    const submit = (reason: string) =>
      interaction({
        type: 'view_submission',
        user: { id: 'U0ADMIN', team_id: 'T0TEAM' },
        team: { id: 'T0TEAM' },
        api_app_id: 'A0JUSTIN',
        view: {
          ...view,
          id: 'V1',
          state: { values: { reason: { value: { type: 'plain_text_input', value: reason } } } },
        },
      });
    const empty = await submit(' ');
    expect(empty.json()).toEqual({
      response_action: 'errors',
      errors: { reason: 'Please give a reason (the team sees it in the thread).' },
    });
    const ok = await submit('Looking for more streaming experience');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('');
    await eventually(async () => fake.messages.find((m) => m.ts === ts)?.text.includes('Rejected'));
    expect(buttons(fake.messages.find((m) => m.ts === ts)!.blocks)).toEqual([]);
    const event = await justin.prisma.applicationEvent.findFirstOrThrow({
      where: { applicationId: app.id, toStage: 'REJECTED' },
    });
    expect(event).toMatchObject({
      actorId: 'U0ADMIN',
      data: expect.objectContaining({ reason: 'Looking for more streaming experience' }),
    });
  });
});

describe('/interviews', () => {
  function command(text: string, user: string) {
    const body = new URLSearchParams({
      team_id: 'T0TEAM',
      user_id: user,
      command: '/interviews',
      text,
      api_app_id: 'A0JUSTIN',
      channel_id: 'C0DATA',
      response_url: `${fake.origin}/respond/interviews/${user}/${encodeURIComponent(text)}`,
      trigger_id: 't',
    }).toString();
    return justin.server.inject({ method: 'POST', url: '/slack/events', payload: body, headers: signedHeaders(body) });
  }

  it("lists booked interviews in the asker's Slack time zone, optionally for one person", async () => {
    fake.users.set('U0ADMIN', { tz: 'Asia/Kolkata', real_name: 'Admin' });
    const p = justin.prisma;
    const { app } = await newApplication('Jennifer Widom');
    const stage = await p.interviewStage.findFirstOrThrow({
      where: { role: { applications: { some: { id: app.id } } } },
    });
    const ivy = await p.user.create({
      data: { slackTeamId: 'T0TEAM', slackUserId: 'U0IVY', name: 'Ivy', teamRoles: ['INTERVIEWER'] },
    });
    // 09:00–09:30 IST tomorrow = 03:30 UTC
    const day = new Date(Date.now() + 86_400_000);
    const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 3, 30));
    await p.interview.create({
      data: {
        applicationId: app.id,
        stageId: stage.id,
        status: 'BOOKED',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        interviewers: { create: [{ userId: ivy.id }] },
      },
    });

    const ack = await command('', 'U0ADMIN');
    expect(ack.statusCode).toBe(200);
    expect(ack.body).toBe('');
    const week = await eventually(async () => fake.responses.find((r) => r.path === '/respond/interviews/U0ADMIN/'));
    expect(String(week.body.text)).toContain('times in Asia/Kolkata');
    expect(JSON.stringify(week.body.blocks)).toContain(
      '09:00–09:30* Jennifer Widom · Data Engineer (Call) with <@U0IVY>',
    );

    await command('<@U0NOBODY|nobody>', 'U0ADMIN');
    const none = await eventually(async () =>
      fake.responses.find((r) => r.path.startsWith('/respond/interviews/U0ADMIN/%3C%40U0NOBODY')),
    );
    expect(String(none.body.text)).toMatch(/No interviews booked in the next 7 days for <@U0NOBODY>/);

    await command('yesterday', 'U0ADMIN');
    const help = await eventually(async () =>
      fake.responses.find((r) => r.path === '/respond/interviews/U0ADMIN/yesterday'),
    );
    expect(String(help.body.text)).toMatch(/Try `\/interviews`/);
  });
});

describe('roles', () => {
  function hire(text: string, user: string) {
    const body = new URLSearchParams({
      team_id: 'T0TEAM',
      user_id: user,
      command: '/hire',
      text,
      api_app_id: 'A0JUSTIN',
      channel_id: 'C0HIRING',
      response_url: `${fake.origin}/respond/hire`,
      trigger_id: `trig-${text}`,
    }).toString();
    return justin.server.inject({ method: 'POST', url: '/slack/events', payload: body, headers: signedHeaders(body) });
  }

  it('opens a role from the modal, with field errors first, then pauses and closes it by title', async () => {
    expect((await hire('role new', 'U0STRANGER')).json().text).toMatch(/recruiters and admins/);
    const ack = await hire('role new', 'U0ADMIN');
    expect(ack.statusCode).toBe(200);
    const opened = await eventually(async () =>
      fake.calls.find((c) => c.method === 'views.open' && c.args.trigger_id === 'trig-role new'),
    );
    const view = opened.args.view as ReturnType<typeof roleModal>;
    expect(
      checkSurface({
        type: 'modal',
        blocks: view.blocks,
        title: view.title.text,
        submit: view.submit.text,
        close: view.close.text,
      }),
    ).toEqual([]);

    const t = (value: string) => ({ value: { type: 'plain_text_input', value } });
    const sel = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
    const values = {
      title: t('Site Reliability Engineer'),
      requirements: t('Linux, on-call'),
      hiring_manager: { value: { type: 'users_select', selected_user: 'U0HM' } },
      channel: { value: { type: 'conversations_select', selected_conversation: 'C0SRE' } },
      stage_0_name: t('Intro'),
      stage_0_duration: sel('30'),
      stage_0_pool: { value: { type: 'multi_users_select', selected_users: ['U0P1', 'U0P2'] } },
      stage_0_needed: sel('1'),
      stage_1_name: t('Panel'),
      stage_1_duration: sel('90'),
      stage_1_kind: sel('PANEL'),
      stage_1_pool: { value: { type: 'multi_users_select', selected_users: ['U0P1', 'U0P2', 'U0P3'] } },
      stage_1_needed: sel('all'),
    };
    const submit = (v: Record<string, unknown>) =>
      interaction({
        type: 'view_submission',
        user: { id: 'U0ADMIN', team_id: 'T0TEAM' },
        team: { id: 'T0TEAM' },
        api_app_id: 'A0JUSTIN',
        view: { ...view, id: 'V9', state: { values: v } },
      });
    const bad = await submit({
      ...values,
      stage_1_duration: { value: { type: 'static_select', selected_option: null } },
    });
    expect(bad.json()).toEqual({ response_action: 'errors', errors: { stage_1_duration: 'How long is step 2?' } });
    const good = await submit(values);
    expect(good.statusCode).toBe(200);
    const role = await justin.prisma.role.findFirstOrThrow({
      where: { title: 'Site Reliability Engineer' },
      include: {
        stages: { orderBy: { position: 'asc' }, include: { pool: { include: { user: true } } } },
        hiringManager: true,
      },
    });
    expect(role).toMatchObject({
      status: 'OPEN',
      slackChannelId: 'C0SRE',
      requirements: 'Linux, on-call',
      hiringManager: { slackUserId: 'U0HM' },
    });
    expect(
      role.stages.map((s) => [
        s.name,
        s.durationMinutes,
        s.kind,
        s.panelMode,
        s.interviewersNeeded,
        s.pool.map((p) => p.user.slackUserId).sort(),
      ]),
    ).toEqual([
      ['Intro', 30, 'VIDEO', 'POOL', 1, ['U0P1', 'U0P2']],
      ['Panel', 90, 'PANEL', 'ALL', 3, ['U0P1', 'U0P2', 'U0P3']],
    ]);

    expect((await hire('role pause site reliability engineer', 'U0ADMIN')).json().text).toBe(
      '“Site Reliability Engineer” is now paused.',
    );
    expect((await hire('role close Site Reliability', 'U0ADMIN')).json().text).toBe(
      '“Site Reliability Engineer” is now closed.',
    );
    expect((await hire('role close Unicorn Wrangler', 'U0ADMIN')).json().text).toBe(
      'No open role is called “Unicorn Wrangler”.',
    );
    const audit = await justin.prisma.auditEntry.findMany({ where: { subjectId: role.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['role.open', 'role.pause', 'role.close']);
  });
});

describe('a role with a new channel', () => {
  it('creates the channel after the modal closes, invites the people, and cards then go there', async () => {
    const body = new URLSearchParams({
      team_id: 'T0TEAM',
      user_id: 'U0ADMIN',
      command: '/hire',
      text: 'role new',
      api_app_id: 'A0JUSTIN',
      channel_id: 'C0HIRING',
      response_url: `${fake.origin}/respond/hire`,
      trigger_id: 'trig-new-channel',
    }).toString();
    await justin.server.inject({ method: 'POST', url: '/slack/events', payload: body, headers: signedHeaders(body) });
    const opened = await eventually(async () =>
      fake.calls.find((c) => c.method === 'views.open' && c.args.trigger_id === 'trig-new-channel'),
    );
    const view = opened.args.view as ReturnType<typeof roleModal>;
    const t = (value: string) => ({ value: { type: 'plain_text_input', value } });
    const values = {
      title: t('Database Engineer'),
      hiring_manager: { value: { type: 'users_select', selected_user: 'U0DBHM' } },
      // The modal came filled in with the channel it was opened from; the typed name wins.
      channel: { value: { type: 'conversations_select', selected_conversation: 'C0HIRING' } },
      new_channel: t('#hiring-databases'),
    };
    const ack = await interaction({
      type: 'view_submission',
      user: { id: 'U0ADMIN', team_id: 'T0TEAM' },
      team: { id: 'T0TEAM' },
      api_app_id: 'A0JUSTIN',
      view: { ...view, id: 'V11', state: { values } },
    });
    expect(ack.statusCode).toBe(200);
    const role = await justin.prisma.role.findFirstOrThrow({ where: { title: 'Database Engineer' } });
    const channel = await eventually(
      async () => (await justin.prisma.role.findUniqueOrThrow({ where: { id: role.id } })).slackChannelId,
    );
    expect(fake.channels.get('hiring-databases')).toMatchObject({ id: channel, members: ['U0DBHM', 'U0ADMIN'] });

    // Someone has removed Justin from the channel since; it is public, so Justin joins it again before the first card.
    fake.outside.set(channel!, { isPrivate: false });
    const candidate = await justin.prisma.candidate.create({
      data: { name: 'Jim Gray', email: 'jim@example.org', displayEmail: 'jim@example.org' },
    });
    const app = await justin.prisma.application.create({ data: { roleId: role.id, candidateId: candidate.id } });
    await justin.prisma.$transaction((tx) => showCandidateCard({ tx, boss: justin.boss }, app.id));
    const ts = await eventually(
      async () => (await justin.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).slackMessageTs,
    );
    expect(fake.messages.find((m) => m.ts === ts)?.channel).toBe(channel);
    expect(fake.calls.filter((c) => c.method === 'conversations.join').map((c) => c.args.channel)).toEqual([channel]);
  });
});

describe('editing a role', () => {
  function hire(text: string, user: string) {
    const body = new URLSearchParams({
      team_id: 'T0TEAM',
      user_id: user,
      command: '/hire',
      text,
      api_app_id: 'A0JUSTIN',
      channel_id: 'C0HIRING',
      response_url: `${fake.origin}/respond/hire`,
      trigger_id: `trig-${text}`,
    }).toString();
    return justin.server.inject({ method: 'POST', url: '/slack/events', payload: body, headers: signedHeaders(body) });
  }
  type Modal = ReturnType<typeof roleModal>;
  type Element = {
    action_id: string;
    initial_value?: string;
    initial_option?: { value: string };
    initial_user?: string;
    initial_users?: string[];
    initial_conversation?: string;
  };
  const element = (view: Modal, block: string) =>
    (view.blocks.find((b) => 'block_id' in b && b.block_id === block) as { element: Element }).element;
  /** The modal's view state as Slack submits it when nobody touched a field: its initial values. */
  function stateOf(view: Modal) {
    const values: Record<string, { value: Record<string, unknown> }> = {};
    for (const b of view.blocks) {
      if (!('block_id' in b)) continue;
      const e = b.element as Element;
      values[b.block_id] = {
        value: {
          value: e.initial_value ?? null,
          selected_option: e.initial_option ?? null,
          selected_user: e.initial_user ?? null,
          selected_users: e.initial_users ?? [],
          selected_conversation: e.initial_conversation ?? null,
        },
      };
    }
    return values;
  }
  // Each modal Slack opens has its own id; a submission of the same one again is a repeat.
  const submit = (view: Modal & { id?: string }, values: Record<string, unknown>, user = 'U0ADMIN') =>
    interaction({
      type: 'view_submission',
      user: { id: user, team_id: 'T0TEAM' },
      team: { id: 'T0TEAM' },
      api_app_id: 'A0JUSTIN',
      view: { ...view, id: view.id ?? 'V10', state: { values } },
    });
  async function openEdit(title: string) {
    const before = fake.calls.length;
    expect((await hire(`role edit ${title}`, 'U0ADMIN')).statusCode).toBe(200);
    const opened = await eventually(async () => fake.calls.slice(before).find((c) => c.method === 'views.open'));
    return { ...(opened.args.view as Modal), id: `V0EDIT${before}` };
  }

  it(
    'opens the role filled in, saves changes in place, ' + 'and refuses a stale form or removing a step in use',
    async () => {
      const p = justin.prisma;
      const hm = await p.user.create({ data: { slackTeamId: 'T0TEAM', slackUserId: 'U0EDITHM', name: 'Hm' } });
      const pool = await p.user.create({ data: { slackTeamId: 'T0TEAM', slackUserId: 'U0EDITP1', name: 'P1' } });
      const role = await p.role.create({
        data: {
          title: 'Compiler Engineer',
          requirements: 'LLVM',
          slackChannelId: 'C0COMP',
          hiringManagerId: hm.id,
          stages: {
            create: [
              {
                position: 0,
                name: 'Intro',
                durationMinutes: 30,
                kind: 'PHONE_SCREEN',
                pool: { create: [{ userId: pool.id }] },
              },
              {
                position: 1,
                name: 'Deep dive',
                durationMinutes: 90,
                kind: 'TECHNICAL',
                pool: { create: [{ userId: pool.id }] },
              },
            ],
          },
        },
        include: { stages: { orderBy: { position: 'asc' } } },
      });
      const candidate = await p.candidate.create({
        data: { name: 'Frances Allen', email: 'fa@example.org', displayEmail: 'fa@example.org' },
      });
      await p.application.create({
        data: { roleId: role.id, candidateId: candidate.id, stage: 'SCHEDULING', planPosition: 1 },
      });

      expect((await hire('role edit Compiler', 'U0STRANGER')).json().text).toMatch(/recruiters and admins/);
      const view = await openEdit('compiler engineer');
      expect(view.title.text).toBe('Edit role');
      expect(
        checkSurface({
          type: 'modal',
          blocks: view.blocks,
          title: view.title.text,
          submit: view.submit.text,
          close: view.close.text,
        }),
      ).toEqual([]);
      expect(element(view, 'title').initial_value).toBe('Compiler Engineer');
      expect(element(view, 'hiring_manager').initial_user).toBe('U0EDITHM');
      expect(element(view, 'channel').initial_conversation).toBe('C0COMP');
      expect(element(view, 'stage_1_name').initial_value).toBe('Deep dive');
      expect(element(view, 'stage_1_duration').initial_option?.value).toBe('90');
      expect(element(view, 'stage_1_pool').initial_users).toEqual(['U0EDITP1']);

      // Removing the step an application has reached is refused, on that step's field.
      const untouched = stateOf(view);
      const dropped = {
        ...untouched,
        stage_1_name: { value: { value: '' } },
        stage_1_pool: { value: { selected_users: [] } },
      };
      expect((await submit(view, dropped)).json()).toEqual({
        response_action: 'errors',
        errors: { stage_1_name: expect.stringMatching(/Step 2 is in use/) },
      });

      // Renaming it, changing its pool and adding a third step is saved in place.
      const edited = {
        ...untouched,
        requirements: { value: { value: 'LLVM, MLIR' } },
        stage_1_name: { value: { value: 'Compiler deep dive' } },
        stage_1_pool: { value: { selected_users: ['U0EDITP1', 'U0EDITP2'] } },
        stage_1_needed: { value: { selected_option: { value: '2' } } },
        stage_2_name: { value: { value: 'Meet the team' } },
        stage_2_duration: { value: { selected_option: { value: '45' } } },
        stage_2_pool: { value: { selected_users: ['U0EDITP2'] } },
      };
      expect((await submit(view, edited)).statusCode).toBe(200);
      const after = await p.role.findUniqueOrThrow({
        where: { id: role.id },
        include: { stages: { orderBy: { position: 'asc' }, include: { pool: { include: { user: true } } } } },
      });
      expect(after.requirements).toBe('LLVM, MLIR');
      expect(
        after.stages.map((s) => [
          s.id,
          s.name,
          s.durationMinutes,
          s.interviewersNeeded,
          s.pool.map((m) => m.user.slackUserId).sort(),
        ]),
      ).toEqual([
        [role.stages[0]!.id, 'Intro', 30, 1, ['U0EDITP1']],
        [role.stages[1]!.id, 'Compiler deep dive', 90, 2, ['U0EDITP1', 'U0EDITP2']],
        [expect.any(String), 'Meet the team', 45, 1, ['U0EDITP2']],
      ]);
      expect(await p.auditEntry.findFirst({ where: { subjectId: role.id, action: 'role.edit' } })).toMatchObject({
        actorId: 'U0ADMIN',
        data: { stagesChanged: 2, stagesAdded: 1, stagesRemoved: 0 },
      });

      // The same submission again (a double click, Slack's retry) changes nothing more.
      expect((await submit(view, edited)).statusCode).toBe(200);
      expect(await p.auditEntry.count({ where: { subjectId: role.id, action: 'role.edit' } })).toBe(1);
      // A form opened before that save (another modal) is stale: someone saved since it was opened.
      expect((await submit({ ...view, id: 'V0OPENEDEARLIER' }, edited)).json()).toEqual({
        response_action: 'errors',
        errors: { title: expect.stringMatching(/Someone changed this role/) },
      });
      // A fresh form can drop the unused third step.
      const fresh = await openEdit('Compiler Engineer');
      expect(
        (
          await submit(fresh, {
            ...stateOf(fresh),
            stage_2_name: { value: { value: '' } },
            stage_2_pool: { value: { selected_users: [] } },
          })
        ).statusCode,
      ).toBe(200);
      expect(await p.interviewStage.count({ where: { roleId: role.id } })).toBe(2);
    },
  );
});

describe('erasing a candidate from Slack', () => {
  function hire(text: string, user: string) {
    const body = new URLSearchParams({
      team_id: 'T0TEAM',
      user_id: user,
      command: '/hire',
      text,
      api_app_id: 'A0JUSTIN',
      channel_id: 'C0HIRING',
      response_url: `${fake.origin}/respond/hire`,
      trigger_id: 't',
    }).toString();
    return justin.server.inject({ method: 'POST', url: '/slack/events', payload: body, headers: signedHeaders(body) });
  }

  it('asks an admin first, erases on the confirmed click through a job, and says what went', async () => {
    const { app } = await newApplication('Ken Iverson');
    const email = (await justin.prisma.candidate.findFirstOrThrow({ where: { name: 'Ken Iverson' } })).email;
    expect((await hire(`candidate erase ${email}`, 'U0STRANGER')).json().text).toMatch(/admins only/);
    const asked = (await hire(`candidate erase <mailto:${email}|${email}>`, 'U0ADMIN')).json();
    expect(asked.text).toBe('Erase Ken Iverson?');
    expect(checkSurface({ type: 'message', ...asked })).toEqual([]);
    const button = asked.blocks[1].elements[0];
    expect(button).toMatchObject({
      action_id: ACTIONS.eraseCandidate,
      style: 'danger',
      confirm: { confirm: { text: 'Erase' } },
    });

    await click(ACTIONS.eraseCandidate, button.value, 'U0STRANGER');
    expect(
      (
        await eventually(async () =>
          fake.responses.find((r) => r.path === '/respond/U0STRANGER' && String(r.body.text).includes('erasing')),
        )
      ).body.text,
    ).toBe('Sorry, erasing candidates is for admins.');
    await click(ACTIONS.eraseCandidate, button.value, 'U0ADMIN');
    const told = await eventually(async () =>
      fake.messages.find((m) => m.channel === 'U0ADMIN' && m.text.startsWith('Erased:')),
    );
    expect(told.text).toMatch(/1 application\(s\) kept as figures only/);
    expect(await justin.prisma.candidate.findUniqueOrThrow({ where: { id: app.candidateId } })).toMatchObject({
      name: 'Erased candidate',
      erasedAt: expect.any(Date),
    });
    // The card in the channel no longer names them.
    await eventually(async () =>
      fake.messages.find((m) => m.channel === 'C0DATA' && m.text.includes('Erased candidate')),
    );
    expect((await hire(`candidate erase ${email}`, 'U0ADMIN')).json().text).toMatch(/No candidate with the address/);
  });
});

describe('App Home', () => {
  it('publishes my interviews, scorecards I owe and roles on opening the Home tab, once per delivery', async () => {
    fake.users.set('U0HOME', { tz: 'America/New_York', real_name: 'Hal' });
    const p = justin.prisma;
    const hal = await p.user.create({
      data: { slackTeamId: 'T0TEAM', slackUserId: 'U0HOME', name: 'Hal', teamRoles: ['HIRING_MANAGER'] },
    });
    const { app } = await newApplication('Pat Selinger', { ownRole: true });
    await p.role.update({
      where: { id: app.roleId },
      data: { hiringManagerId: hal.id, title: 'Query Optimizer Lead' },
    });
    const stage = await p.interviewStage.findFirstOrThrow({ where: { roleId: app.roleId } });
    const past = new Date(Date.now() - 2 * 3600_000);
    // Held, so Hal owes its scorecard (a second interview he has submitted for is not listed).
    const held = { applicationId: app.id, stageId: stage.id, status: 'COMPLETED' as const, startsAt: past };
    const ended = new Date(past.getTime() + 1800_000);
    await p.interview.create({
      data: {
        ...held,
        endsAt: ended,
        interviewers: { create: [{ userId: hal.id }] },
        scorecards: { create: [{ interviewerId: hal.id, dueAt: ended }] },
      },
    });
    await p.interview.create({
      data: {
        ...held,
        endsAt: ended,
        interviewers: { create: [{ userId: hal.id }] },
        scorecards: { create: [{ interviewerId: hal.id, dueAt: ended, status: 'SUBMITTED', recommendation: 'YES' }] },
      },
    });

    const event = homeOpenedEvent('Ev0HOMEHAL', 'U0HOME');
    const res = await justin.server.inject({
      method: 'POST',
      url: '/slack/events',
      payload: event,
      headers: signedHeaders(event, { contentType: 'application/json' }),
    });
    expect(res.statusCode).toBe(200);
    const published = await eventually(async () =>
      fake.calls.find((c) => c.method === 'views.publish' && c.args.user_id === 'U0HOME'),
    );
    const view = published.args.view as { type: string; blocks: unknown[] };
    const text = JSON.stringify(view.blocks);
    expect(view.type).toBe('home');
    expect(text).toContain('Pat Selinger · Query Optimizer Lead (Call), interviewed');
    expect(text.match(/Pat Selinger · Query Optimizer Lead \(Call\), interviewed/g)).toHaveLength(1);
    expect(text).toContain(ACTIONS.writeScorecard);
    expect(text).toContain('*Query Optimizer Lead*: 1 active candidate');
    expect(text).toContain('Times in America/New_York');
    expect(checkSurface({ type: 'home', blocks: view.blocks as never })).toEqual([]);
  });
});

describe('card and modal builders stay inside Slack limits', () => {
  const long = '👩🏽‍💻 Zoë Ångström 王小明 مريم '.repeat(400);
  it.each(['NEW', 'INTERVIEW_SCHEDULED', 'REJECTED'] as const)('card at %s with long unicode data', (stage) => {
    const card = candidateCard({
      applicationId: '00000000-0000-4000-8000-000000000001',
      version: 12,
      candidateName: long,
      candidateEmail: `${long}@example.com`,
      roleTitle: long,
      stage,
      planPosition: stage === 'INTERVIEW_SCHEDULED' ? 2 : null,
      planLength: 3,
      planStepNames: [long, long, long],
      source: 'EMAIL',
      fitSummary: long,
      cvFilename: `${long}.pdf`,
      cvProblem: { documentId: '00000000-0000-0000-0000-000000000000', reason: `could not be read: ${long}` },
      showEmail: true,
    });
    expect(checkSurface({ type: 'message', ...card })).toEqual([]);
  });

  it('App Home with long lists', () => {
    const many = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
    const d = new Date('2026-03-08T06:30:00Z');
    const view = homeView({
      now: d,
      zone: 'America/St_Johns',
      data: {
        interviews: many(15, () => ({ startsAt: d, endsAt: d, candidateName: long, roleTitle: long, stageName: long })),
        scorecardsOwed: many(15, (i) => ({
          scorecardId: `00000000-0000-0000-0000-0000000000${String(i).padStart(2, '0')}`,
          draft: i % 2 === 0,
          endedAt: d,
          candidateName: long,
          roleTitle: long,
          stageName: long,
        })),
        offerApprovals: many(15, () => ({ candidateName: long, roleTitle: long })),
        slotApprovals: many(15, (i) => ({ candidateName: long, roleTitle: long, count: i })),
        roles: many(15, (i) => ({ title: long, status: i % 2 ? 'OPEN' : 'PAUSED', active: i, hired: i % 3 })),
      },
    });
    expect(checkSurface({ type: 'home', blocks: view.blocks })).toEqual([]);
  });

  it('candidate details with long, unicode-heavy data', () => {
    const long = '🧑‍💻 Ünïcødé 名前 '.repeat(400);
    const message = candidateDetailsMessage({
      name: long,
      email: `${long}@example.org`,
      phone: long,
      roleTitle: long,
      stage: 'Screening',
      fitSummary: long,
      skills: Array.from({ length: 60 }, () => long.slice(0, 60)),
      headline: long,
      documents: Array.from({ length: 5 }, () => ({ filename: long, status: 'FAILED', reason: long })),
      interviews: Array.from({ length: 5 }, () => ({
        stage: long,
        status: 'BOOKED',
        startsAt: new Date('2026-03-09T10:00:00Z'),
      })),
      recent: Array.from({ length: 5 }, () => ({ at: new Date(), type: long, actor: 'U0ADMIN' })),
      cv: { filename: long, text: `${long}\n\n"quoted" & <tagged> \\ \`\`\`\n`.repeat(40) },
    });
    expect(checkSurface({ type: 'message', blocks: message.blocks as never, text: message.text })).toEqual([]);
    const short = candidateDetailsMessage({
      ...{ name: 'Ada', email: 'ada@example.org', phone: null, roleTitle: 'Engineer', stage: 'Screening' },
      ...{ fitSummary: null, skills: [], headline: null, documents: [], interviews: [], recent: [] },
      cv: { filename: 'cv.pdf', text: 'Ada   Lovelace\n\n\n\n*Engines* & <notes> ```x```' },
    });
    expect(short.blocks.at(-2)).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: "*CV* (cv.pdf)\n```Ada Lovelace\n\n*Engines* &amp; &lt;notes&gt; '''x'''```" },
    });
  });

  it('reject modal', () => {
    const modal = closeModal({
      decision: 'reject',
      applicationId: '00000000-0000-4000-8000-000000000001',
      version: 3,
      candidateName: long,
    });
    expect(
      checkSurface({
        type: 'modal',
        blocks: modal.blocks,
        title: modal.title.text,
        submit: modal.submit.text,
        close: modal.close.text,
        private_metadata: modal.private_metadata,
      }),
    ).toEqual([]);
  });
});
