import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startJustin, type Justin } from '../../src/compose.js';
import { silentLog } from '../setup/boss.js';
import { createTestDatabase } from '../setup/database.js';

// The whole service as main.ts assembles it, on this file's database, driven through HTTP.
let justin: Justin;
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
  justin = await startJustin(loadConfig({ DATABASE_URL: db.url, PORT: '0' }), silentLog, { listen: false });
});
afterAll(async () => {
  await justin?.stop();
  await db?.drop();
});

const get = (url: string) => justin.server!.inject({ method: 'GET', url });

describe('web process', () => {
  it('is alive at /healthz', async () => {
    expect((await get('/healthz')).json()).toEqual({ ok: true });
  });

  it('is ready at /readyz: database reachable, migrations applied, queue started', async () => {
    const res = await get('/readyz');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ready: true, database: { state: 'ok' }, queue: { state: 'ok' } });
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThan(0);
  });

  it('serves a status page that says what is off and how to turn it on', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('Justin needs setup');
    expect(res.body).toContain('Create the Slack app');
    expect(res.body).toContain('SLACK_BOT_TOKEN');
    expect(res.body).toContain('ANTHROPIC_API_KEY');
  });

  it('serves the same facts as JSON', async () => {
    const status = (await get('/status.json')).json();
    expect(status.integrations.map((i: { name: string; configured: boolean }) => [i.name, i.configured])).toEqual([
      ['Slack', false],
      ['Gmail and Google Calendar', false],
      ['Anthropic (Claude)', false],
    ]);
    expect(status.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['outbox.deliver', 'dead-letter']),
    );
  });

  it('exposes Prometheus metrics: queues, outbox, HTTP latency', async () => {
    await get('/healthz');
    const res = await get('/metrics');
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(/justin_queue_jobs\{queue="outbox.deliver",state="ready"\} \d+/);
    expect(res.body).toMatch(/justin_outbox_effects\{status="DEAD"\} 0/);
    expect(res.body).toMatch(
      /justin_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
  });

  it('answers an unknown route with a 404 in JSON', async () => {
    const res = await justin.server!.inject({ method: 'GET', url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('reports 503 at /readyz while the queue is not started', async () => {
    const { BreakerRegistry } = await import('../../src/resilience/circuit-breaker.js');
    const { buildServer } = await import('../../src/http/server.js');
    const { createMetrics } = await import('../../src/metrics.js');
    const breakers = new BreakerRegistry();
    const app = await buildServer({
      log: silentLog,
      metrics: createMetrics({ prisma: justin.prisma, boss: undefined, breakers }),
      status: {
        config: justin.config,
        prisma: justin.prisma,
        boss: justin.boss,
        bossStarted: () => false,
        breakers,
        expectedMigrations: 1,
        probes: {},
      },
    });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ready: false, queue: { state: 'failing' } });
    await app.close();
  });
});
