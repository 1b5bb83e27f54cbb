import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../setup/slack.js';
import { useEdgeService } from './support/edge-service.js';

const run = promisify(execFile);

// Many connections each sending a 1 MB body slowly to the Slack route, as an attacker without
// the signing secret can: without signature headers (refused from the headers, body never
// read) and with well-formed, fresh but wrong ones (only so many bodies are read at once, the
// rest refused; those read are cut off by the request timeout). Memory stays bounded and every
// connection is closed. Short timeouts are set through the configuration, as an operator would.
const REQUEST_TIMEOUT_MS = 1500;
const MAX_UNVERIFIED = 16;
const CONNECTIONS = 200;
const edge = useEdgeService({
  listen: true,
  env: {
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HTTP_IDLE_TIMEOUT_MS: '1000',
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
    HTTP_MAX_UNVERIFIED_BODIES: String(MAX_UNVERIFIED),
  },
});

type Outcome = { status: number | null; closedAfterMs: number };

/** The connections, from their own process (see slow-clients.ts). */
async function slowClients(headers: Record<string, string>): Promise<Outcome[]> {
  const port = new URL(edge.origin).port;
  const script = fileURLToPath(new URL('./support/slow-clients.ts', import.meta.url));
  const { stdout } = await run(process.execPath, [script, port, String(CONNECTIONS), JSON.stringify(headers)], {
    timeout: 25_000,
  });
  return JSON.parse(stdout) as Outcome[];
}

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

describe(`${CONNECTIONS} connections sending 1 MB bodies slowly to /slack/events`, () => {
  it('without signature headers: all refused from their headers at once, nothing read', async () => {
    const before = rssMb();
    const outcomes = await slowClients({ 'content-type': 'application/json' });
    const grew = rssMb() - before;
    expect(outcomes.every((o) => o.status === 401)).toBe(true);
    expect(Math.max(...outcomes.map((o) => o.closedAfterMs))).toBeLessThan(REQUEST_TIMEOUT_MS);
    expect(grew).toBeLessThan(40);
    console.log(
      `no headers: RSS +${grew.toFixed(1)} MB, all closed by ${Math.max(...outcomes.map((o) => o.closedAfterMs))} ms`,
    );
  }, 30_000);

  it('with well-formed, fresh but wrong signatures: a few read at once, the rest refused, all closed', async () => {
    const bounded = edge.justin.server.unverifiedBodies;
    const before = rssMb();
    const headers = { ...signedHeaders('something else'), 'content-type': 'application/json' };
    const outcomes = await slowClients(headers);
    const peak = bounded.peak;
    const grew = rssMb() - before;
    const by = (s: number | null) => outcomes.filter((o) => o.status === s).length;
    const slowest = Math.max(...outcomes.map((o) => o.closedAfterMs));
    console.log(
      `bad signatures: 503 ×${by(503)}, 408 ×${by(408)}, 401 ×${by(401)}, none ×${by(null)}; ` +
        `peak unverified bodies ${peak}; RSS +${grew.toFixed(1)} MB; all closed by ${slowest} ms`,
    );
    expect(peak).toBeLessThanOrEqual(MAX_UNVERIFIED);
    expect(by(503)).toBeGreaterThanOrEqual(CONNECTIONS - MAX_UNVERIFIED);
    // Those read are cut off by the request timeout (Node answers 408, or just closes).
    expect(by(503) + by(408) + by(401) + by(null)).toBe(CONNECTIONS);
    expect(slowest).toBeLessThan(REQUEST_TIMEOUT_MS + 2000);
    expect(grew).toBeLessThan(60);
    expect(bounded.inFlight).toBe(0);
    expect((await fetch(`${edge.origin}/healthz`)).status).toBe(200);
  }, 30_000);
});
