import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startJustin, type Justin } from '../../src/compose.js';
import { checkSurface } from '../../src/slack/blocks/limits.js';
import { silentLog } from '../setup/boss.js';
import { createTestDatabase } from '../setup/database.js';
import { commandBody, homeOpenedEvent, signedHeaders, slackAppEnv } from '../setup/slack.js';

// Drives the app the way Slack does: signed HTTP into the Fastify server; nock on slack.com.
let justin: Justin;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const unexpected: string[] = [];
const homeOpened: string[] = [];

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  nock.emitter.on('no match', (req) => unexpected.push(String((req as unknown as { path?: string }).path ?? req)));
  // Slack is slow today: auth.test takes 10 s. No request may wait for it.
  nock('https://slack.com')
    .post('/api/auth.test')
    .delay(10_000)
    .reply(200, { ok: true, user_id: 'U0JUSTIN', bot_id: 'B0JUSTIN', team_id: 'T0TEAM' });
  db = await createTestDatabase();
  const config = loadConfig(slackAppEnv({ databaseUrl: db.url }));
  justin = await startJustin(config, silentLog, { listen: false });
  justin.slackApp!.event('app_home_opened', async ({ event }) => {
    homeOpened.push(event.user);
  });
  const people = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'];
  for (const name of people) {
    const email = `${name.split(' ')[0]!.toLowerCase()}@example.com`;
    await justin.prisma.candidate.create({
      data: { name, email, displayEmail: email, searchText: `${name} ${email} typescript postgres`.toLowerCase() },
    });
  }
});
afterAll(async () => {
  await justin?.stop();
  await db?.drop();
  nock.cleanAll();
  nock.enableNetConnect();
});

async function post(body: string, headers: Record<string, string>) {
  const started = performance.now();
  const res = await justin.server.inject({ method: 'POST', url: '/slack/events', payload: body, headers });
  return Object.assign(res, { ms: performance.now() - started });
}

describe('Slack receiver', () => {
  it('refuses a forged signature with 401', async () => {
    const body = commandBody('/hire', 'help');
    const res = await post(body, signedHeaders(body, { secret: 'f'.repeat(32) }));
    expect(res.statusCode).toBe(401);
  });

  it.each([
    ['six minutes old', -360],
    ['six minutes in the future', 360],
  ])('refuses a timestamp %s', async (_label, offset) => {
    const body = commandBody('/hire', 'help');
    const res = await post(body, signedHeaders(body, { at: Math.floor(Date.now() / 1000) + Number(offset) }));
    expect(res.statusCode).toBe(401);
  });

  it('answers url_verification with the challenge, and ssl_check with 200', async () => {
    const challenge = JSON.stringify({ type: 'url_verification', token: 't', challenge: 'abc123' });
    const res = await post(challenge, signedHeaders(challenge, { contentType: 'application/json' }));
    expect(res.json()).toEqual({ challenge: 'abc123' });
    const ssl = 'ssl_check=1&token=t';
    expect((await post(ssl, signedHeaders(ssl))).statusCode).toBe(200);
  });

  it('acks /hire help at once, privately, without calling the Web API (auth.test is 10 s slow)', async () => {
    const body = commandBody('/hire', 'help');
    const res = await post(body, signedHeaders(body));
    expect(res.statusCode).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    const msg = res.json();
    expect(msg.response_type).toBe('ephemeral');
    expect(msg.text).toMatch(/I'm Justin/);
    expect(checkSurface({ type: 'message', ...msg })).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it('answers an unknown subcommand with help that repeats what was typed', async () => {
    const body = commandBody('/hire', 'fly me to the moon');
    const msg = (await post(body, signedHeaders(body))).json();
    expect(msg.text).toContain("I don't know `/hire fly me to the moon` yet");
  });

  it('refuses /candidate to someone outside the hiring team, privately', async () => {
    const body = commandBody('/candidate', 'ada', { user: 'U0STRANGER' });
    const msg = (await post(body, signedHeaders(body))).json();
    expect(msg.response_type).toBe('ephemeral');
    expect(msg.text).toMatch(/for the hiring team/);
    expect(JSON.stringify(msg)).not.toContain('Lovelace');
  });

  it('finds candidates fuzzily by name, email or skill for a team member', async () => {
    const ask = async (text: string) => {
      const body = commandBody('/candidate', text, { user: 'U0ADMIN' });
      return (await post(body, signedHeaders(body))).json();
    };
    expect((await ask('lovelace')).blocks[1].text.text).toContain('Ada Lovelace');
    expect((await ask('grace@example.com')).blocks[1].text.text).toContain('Grace Hopper');
    expect((await ask('turnig')).blocks.map((b: { text?: { text: string } }) => b.text?.text ?? '').join()).toContain(
      'Alan Turing',
    );
    const none = await ask('zzqqxx');
    expect(none.text).toMatch(/No candidate matches/);
  });

  it('processes an Events API delivery once, however often Slack retries it', async () => {
    const event = homeOpenedEvent('Ev0HOME1', 'U0ALICE');
    const first = await post(event, signedHeaders(event, { contentType: 'application/json' }));
    const retry = await post(event, {
      ...signedHeaders(event, { contentType: 'application/json' }),
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    await new Promise((r) => setTimeout(r, 50));
    expect(homeOpened).toEqual(['U0ALICE']);
    expect(await justin.prisma.slackDelivery.count({ where: { eventId: 'Ev0HOME1' } })).toBe(1);
  });

  it('lets an admin grant team roles, audited, and the new member search at once', async () => {
    const run = async (text: string, user: string) => {
      const body = commandBody('/hire', text, { user });
      return (await post(body, signedHeaders(body))).json();
    };
    expect((await run('team add <@U0BOB|bob> recruiter', 'U0STRANGER')).text).toMatch(/admins only/);
    expect((await run('team add <@U0BOB|bob> recruiter, interviewer', 'U0ADMIN')).text).toBe(
      'Done: <@U0BOB> now has interviewer, recruiter.',
    );
    expect((await run('team add <@U0BOB|bob> chef', 'U0ADMIN')).text).toMatch(/unknown role `chef`/);
    const audit = await justin.prisma.auditEntry.findMany({ where: { subjectId: 'U0BOB' } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: 'U0ADMIN',
        action: 'team.grant',
        data: { roles: ['RECRUITER', 'INTERVIEWER'], now: ['INTERVIEWER', 'RECRUITER'] },
      }),
    ]);
    const list = await run('team', 'U0BOB');
    expect(list.blocks[0].text.text).toContain('<@U0BOB>: interviewer, recruiter');
    expect(list.blocks[0].text.text).toContain('<@U0ADMIN>: admin (from SLACK_ADMINS)');
    const search = commandBody('/candidate', 'hopper', { user: 'U0BOB' });
    expect(JSON.stringify((await post(search, signedHeaders(search))).json())).toContain('Grace Hopper');
    expect((await run('team remove <@U0BOB> recruiter interviewer', 'U0ADMIN')).text).toBe(
      'Done: <@U0BOB> now has no role.',
    );
  });

  it('shows the pipeline per role: counts per stage and who is stuck, waiting on whom', async () => {
    const role = await justin.prisma.role.create({
      data: { title: 'Platform Engineer', stages: { create: [{ position: 0, name: 'Call', durationMinutes: 30 }] } },
    });
    const grace = await justin.prisma.candidate.findFirstOrThrow({ where: { name: 'Grace Hopper' } });
    const alan = await justin.prisma.candidate.findFirstOrThrow({ where: { name: 'Alan Turing' } });
    await justin.prisma.application.create({
      data: {
        roleId: role.id,
        candidateId: grace.id,
        stage: 'SCHEDULING',
        planPosition: 0,
        stageChangedAt: new Date(Date.now() - 9 * 86_400_000),
      },
    });
    await justin.prisma.application.create({ data: { roleId: role.id, candidateId: alan.id, stage: 'NEW' } });
    const body = commandBody('/pipeline', 'platform', { user: 'U0ADMIN' });
    const msg = (await post(body, signedHeaders(body))).json();
    const text = msg.blocks[0].text.text;
    expect(text).toContain('*Platform Engineer*');
    expect(text).toContain('New *1* · Scheduling *1*');
    expect(text).toContain('Grace Hopper: Scheduling for 9 days, waiting on the candidate');
    expect(text).not.toContain('Alan Turing:');
    expect(checkSurface({ type: 'message', ...msg })).toEqual([]);
    const none = commandBody('/pipeline', 'astronaut', { user: 'U0ADMIN' });
    expect((await post(none, signedHeaders(none))).json().text).toMatch(/No open role matches/);
  });

  it('keeps the other JSON routes working beside the Slack parser', async () => {
    const res = await justin.server.inject({ method: 'GET', url: '/status.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().integrations[0]).toMatchObject({ name: 'Slack', configured: true });
  });
});

describe('/hire intake', () => {
  it('lets an admin choose the intake channel, and refuses others', async () => {
    const other = commandBody('/hire', 'intake <#C0INTAKE|hiring-intake>', { user: 'U0NOBODY' });
    expect((await post(other, signedHeaders(other))).json().text).toMatch(/admins only/);
    const admin = commandBody('/hire', 'intake <#C0INTAKE|hiring-intake>', { user: 'U0ADMIN' });
    expect((await post(admin, signedHeaders(admin))).json().text).toBe(
      'Intake questions go to <#C0INTAKE> from now on. Invite me there if I am not in it yet.',
    );
    expect((await justin.prisma.setting.findUniqueOrThrow({ where: { key: 'intake.slackChannel' } })).value).toBe(
      'C0INTAKE',
    );
  });
});
