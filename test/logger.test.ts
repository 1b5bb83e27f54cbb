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

describe('tokens inside logged text', () => {
  it('are scrubbed from messages, error messages and nested strings', () => {
    const { log, lines } = capture();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImF0dGFja2VyQGV2aWwuZXhhbXBsZSJ9.c2lnbmF0dXJl';
    log.warn({ reason: `Token used too late: ${jwt}`, nested: { note: 'xoxb-123-abc' } }, `refused ${jwt}`);
    log.error({ err: new Error(`bad ya29.a0AfH6SMBx sk-ant-api03-xyz ${jwt}`) }, 'failed');
    const out = JSON.stringify(lines);
    for (const secret of [jwt, 'xoxb-123', 'ya29.a0', 'sk-ant-api03']) expect(out).not.toContain(secret);
    expect(out).toContain('Token used too late');
  });
});
