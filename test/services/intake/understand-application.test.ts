import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createClaude } from '../../../src/ai/claude.js';
import { understandApplication } from '../../../src/services/intake/understand-application.js';
import { createApplication } from '../../factories/index.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';
import { useNock } from '../../setup/google.js';

const db = useTestDatabase();
const q = useTestBoss(db);
useNock();

const API = 'https://api.anthropic.com';
const MODEL = 'claude-sonnet-5-5';
const claude = createClaude({ apiKey: 'sk-ant-test', baseUrl: API, maxRetries: 2 });
const deps = () => ({ prisma: db.prisma, boss: q.boss, claude, model: MODEL });

const ANSWER = {
  profile: {
    name: 'Ada Lovelace',
    headline: 'Analyst and programmer',
    location: 'London',
    yearsExperience: 12,
    skills: ['Postgres', 'TypeScript'],
    languages: ['English', 'French'],
    experience: [{ title: 'Analyst', company: 'Analytical Engine Ltd', start: '1842', end: null }],
    education: [],
  },
  fit: {
    summary: 'Twelve years of analysis and programming; strong on Postgres.',
    strengths: ['Postgres'],
    gaps: [],
    rating: 4,
  },
};
/** A Messages API answer in the JSON output format (text that is the JSON). */
const answer = (
  value: unknown,
  usage = { input_tokens: 1200, output_tokens: 300, cache_read_input_tokens: 900, cache_creation_input_tokens: 0 },
) => ({
  id: `msg_${randomBytes(4).toString('hex')}`,
  type: 'message',
  role: 'assistant',
  model: MODEL,
  stop_reason: 'end_turn',
  content: [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) }],
  usage,
});

async function applicationWithCv(
  cv = `Ada Lovelace ${randomBytes(4).toString('hex')}\nAnalyst, Postgres, TypeScript`,
  roleId?: string,
) {
  const app = roleId
    ? await db.prisma.application.create({
        data: {
          role: { connect: { id: roleId } },
          candidate: {
            create: {
              email: `c.${randomBytes(4).toString('hex')}@example.org`,
              displayEmail: 'c@example.org',
              name: 'C',
            },
          },
        },
      })
    : await createApplication(db.prisma);
  const candidate = await db.prisma.candidate.findFirstOrThrow({ where: { applications: { some: { id: app.id } } } });
  await db.prisma.document.create({
    data: {
      candidateId: candidate.id,
      applicationId: app.id,
      filename: 'cv.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 10,
      sha256: randomBytes(32).toString('hex'),
      content: new Uint8Array(1),
      textStatus: 'EXTRACTED',
      extractedText: cv,
    },
  });
  return app;
}

describe('understandApplication', () => {
  it(
    'asks Claude for the JSON format with a cached system prompt and the CV as delimited data, and stores the ' +
      'validated profile with tokens and cost',
    async () => {
      const app = await applicationWithCv();
      let request: Record<string, any> = {};
      nock(API)
        .post('/v1/messages')
        .reply(200, async (r: Request) => {
          request = (await r.json()) as Record<string, any>;
          return answer(ANSWER);
        });
      expect(await understandApplication(deps(), { applicationId: app.id })).toBe('stored');

      expect(request.system[0].cache_control).toEqual({ type: 'ephemeral' });
      expect(request.output_config.format).toMatchObject({
        type: 'json_schema',
        schema: { type: 'object', required: ['profile', 'fit'] },
      });
      expect(request.tools).toBeUndefined(); // current Sonnet models refuse forced tool use
      expect(request.messages[0].content[1].text).toMatch(/^<cv>\n\[CV\]\nAda Lovelace/);
      const stored = await db.prisma.application.findUniqueOrThrow({
        where: { id: app.id },
        include: { candidate: true, events: true },
      });
      expect(stored.fitSummary).toBe('Twelve years of analysis and programming; strong on Postgres. (fit 4/5)');
      expect(stored.candidate.profile).toMatchObject({ skills: ['Postgres', 'TypeScript'] });
      expect(stored.candidate.searchText).toContain('postgres');
      // 1200 in × $2 + 900 cache reads × $0.10 + 300 out × $10, per million.
      expect(stored.events.find((e) => e.type === 'profile.extracted')!.data).toMatchObject({
        model: MODEL,
        cached: false,
        inputTokens: 2100,
        outputTokens: 300,
        costUsd: 0.00549,
      });
    },
  );

  it(
    'serves an identical request from the cache, ' + 'and shares one call between concurrent identical requests',
    async () => {
      const cv = `Grace Hopper ${randomBytes(4).toString('hex')}\nCompilers`;
      const role = await db.prisma.role.create({ data: { title: 'Compiler Engineer', requirements: 'Compilers' } });
      const [a, b, c] = [
        await applicationWithCv(cv, role.id),
        await applicationWithCv(cv, role.id),
        await applicationWithCv(cv, role.id),
      ];
      nock(API).post('/v1/messages').once().delay(200).reply(200, answer(ANSWER));
      expect(await Promise.all([a, b].map((app) => understandApplication(deps(), { applicationId: app.id })))).toEqual([
        'stored',
        'stored',
      ]);
      expect(await understandApplication(deps(), { applicationId: c.id })).toBe('stored');
      const events = await db.prisma.applicationEvent.findMany({
        where: { applicationId: { in: [a.id, b.id, c.id] }, type: 'profile.extracted' },
      });
      expect(events.map((e) => (e.data as { cached: boolean }).cached).sort()).toEqual([false, true, true]);
    },
  );

  it('sends a malformed answer back once with what was wrong, and stores the corrected one', async () => {
    const app = await applicationWithCv();
    const bodies: Array<Record<string, any>> = [];
    nock(API)
      .post('/v1/messages')
      .times(2)
      .reply(200, async (r: Request) => {
        bodies.push((await r.json()) as Record<string, any>);
        return bodies.length === 1 ? answer({ profile: { name: 'Ada' }, fit: { rating: 9 } }) : answer(ANSWER);
      });
    expect(await understandApplication(deps(), { applicationId: app.id })).toBe('stored');
    const retry = bodies[1]!.messages.at(-1);
    expect(retry).toMatchObject({ role: 'user' });
    expect(retry.content).toMatch(/did not match the required format/);
  });

  it('flags a second malformed answer on the card and stores nothing', async () => {
    const app = await applicationWithCv();
    nock(API).post('/v1/messages').times(2).reply(200, answer('{"profile": "not what you want"'));
    expect(await understandApplication(deps(), { applicationId: app.id })).toBe('flagged');
    const stored = await db.prisma.application.findUniqueOrThrow({
      where: { id: app.id },
      include: { candidate: true },
    });
    expect(stored.fitSummary).toBeNull();
    expect(stored.candidate.profile).toBeNull();
    expect(await db.prisma.applicationEvent.count({ where: { applicationId: app.id, type: 'profile.failed' } })).toBe(
      1,
    );
  });

  it(
    'rides out a 429 and a 529 with the SDK’s retries (honouring retry-after), ' + 'then gives up to the job’s backoff',
    async () => {
      const app = await applicationWithCv();
      nock(API)
        .post('/v1/messages')
        .reply(
          429,
          { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
          { 'retry-after-ms': '20' },
        );
      nock(API)
        .post('/v1/messages')
        .reply(
          529,
          { type: 'error', error: { type: 'overloaded_error', message: 'overloaded' } },
          { 'retry-after-ms': '20' },
        );
      nock(API).post('/v1/messages').reply(200, answer(ANSWER));
      expect(await understandApplication(deps(), { applicationId: app.id })).toBe('stored');

      const other = await applicationWithCv();
      nock(API)
        .post('/v1/messages')
        .times(3)
        .reply(
          529,
          { type: 'error', error: { type: 'overloaded_error', message: 'overloaded' } },
          { 'retry-after-ms': '20' },
        );
      await expect(understandApplication(deps(), { applicationId: other.id })).rejects.toMatchObject({ status: 529 });
      expect((await db.prisma.application.findUniqueOrThrow({ where: { id: other.id } })).fitSummary).toBeNull();
    },
  );
});
