import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: createLogger({ level: 'info', destination }), lines };
}

describe('logger', () => {
  it('writes JSON with a level name and an ISO time', () => {
    const { log, lines } = capture();
    log.info({ queue: 'outbox.deliver' }, 'hello');
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'hello', queue: 'outbox.deliver', service: 'justin' });
    expect(String(lines[0]!.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts candidate PII and secrets at any of the depths we log', () => {
    const { log, lines } = capture();
    log.info(
      {
        email: 'ada@example.com',
        candidate: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', id: 'c1' },
        job: { data: { body: 'I am free on Tuesday', subject: 'Re: interview', token: 'xoxb-secret' } },
        req: { headers: { authorization: 'Bearer secret', 'x-slack-signature': 'v0=abc' } },
      },
      'received',
    );
    const out = JSON.stringify(lines[0]);
    for (const secret of [
      'ada@example.com',
      'Ada Lovelace',
      '+44 20',
      'free on Tuesday',
      'Re: interview',
      'xoxb-secret',
      'Bearer secret',
      'v0=abc',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('"id":"c1"');
  });
});
