// The load generator for the ack bench, in a process of its own: it stands in for Slack, and
// shares nothing with the bench process (its database clients, its fakes, their garbage), so
// the latencies it takes are the service's and not its own event loop's. Measured before the
// split: the generator's event loop stalled up to 118 ms inside the bench process, against
// 8 ms on its own. Plain node:http with keep-alive: lighter per request than fetch.
//
//   tsx test/bench/ack-load.ts '{"port":…,"kind":"/candidate","text":"lovelace","rate":200,"seconds":5,"warmup":200}'
// prints one JSON line: { latencies: number[], errors: number, lagMaxMs: number, machineBusy: number }.
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { commandBody, signedHeaders } from '../setup/slack.js';
import { busyShare, machineCpu } from './cpu-meter.js';

type Phase = {
  port: number;
  kind: string;
  text: string;
  rate: number;
  seconds: number;
  warmup: number;
  respondUrl: string;
};

const phase = JSON.parse(process.argv[2]!) as Phase;

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/**
 * A button click on a card, as Slack posts it (the application does not exist: the click is
 * refused, after the ack).
 */
function clickBody(respondUrl: string): string {
  const payload = {
    type: 'block_actions',
    user: { id: 'U0BENCH', team_id: 'T0TEAM' },
    team: { id: 'T0TEAM' },
    api_app_id: 'A0JUSTIN',
    trigger_id: 't',
    response_url: respondUrl,
    actions: [
      {
        type: 'button',
        action_id: 'card_advance',
        block_id: 'card_0',
        value: '00000000-0000-4000-8000-000000000000:0',
        action_ts: '1',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** One signed request; resolves with its status once the whole answer is in. */
function send(): Promise<number> {
  const body =
    phase.kind === 'button' ? clickBody(phase.respondUrl) : commandBody(phase.kind, phase.text, { user: 'U0BENCH' });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: phase.port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: { ...signedHeaders(body), 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Warm-up, 20 at a time: a running service has used every connection of its pool, and a
// connection's first query pays for its backend's cold catalog caches (~20 ms to plan).
for (let i = 0; i < phase.warmup; i += 20)
  await Promise.all(Array.from({ length: Math.min(20, phase.warmup - i) }, send));

const latencies: number[] = [];
let errors = 0;
const lag = monitorEventLoopDelay({ resolution: 1 });
lag.enable();
const cpu = machineCpu();
const total = phase.rate * phase.seconds;
const started = performance.now();
const inflight: Promise<void>[] = [];
// Open loop: requests leave on a schedule, not when the previous answer came back.
for (let i = 0; i < total; i++) {
  const wait = started + (i * 1000) / phase.rate - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const t = performance.now();
  inflight.push(
    send().then(
      (status) => {
        if (status === 200) latencies.push(performance.now() - t);
        else errors++;
      },
      () => {
        errors++;
      },
    ),
  );
}
await Promise.all(inflight);
lag.disable();
const machineBusy = busyShare(cpu, machineCpu());
process.stdout.write(`${JSON.stringify({ latencies, errors, lagMaxMs: lag.max / 1e6, machineBusy })}\n`);
agent.destroy();
