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

  it("keep an error's type, message, stack and cause chain, scrubbed, as pino's serializer writes them", () => {
    const { log, lines } = capture();
    class GoogleRefused extends Error {}
    const root = new Error('invalid_grant: ya29.a0AfH6SMBxyz was revoked');
    const middle = new TypeError('token refresh failed', { cause: root });
    const outer = new GoogleRefused('calendar sync failed', { cause: middle });
    log.error({ err: outer }, 'sync failed');
    log.error(outer, 'as the first argument');
    for (const line of lines) {
      const err = line.err as { type: string; message: string; stack: string };
      expect(err.type).toBe('GoogleRefused');
      expect(err.message).toBe('calendar sync failed: token refresh failed: invalid_grant: [redacted] was revoked');
      expect(err.stack).toMatch(/^Error: calendar sync failed\n\s+at /);
      expect(err.stack).toContain('caused by: TypeError: token refresh failed');
      expect(err.stack).toContain('caused by: Error: invalid_grant: [redacted] was revoked');
      expect(err.stack).toContain('logger.test.ts');
    }
    expect(JSON.stringify(lines)).not.toContain('ya29.a0');
    // The original is left as it was.
    expect(root.message).toContain('ya29.a0AfH6SMBxyz');
  });

  it('cut a circular or very long cause chain instead of following it', () => {
    const { log, lines } = capture();
    const loop = new Error('first xoxb-1-loop');
    loop.cause = new Error('second', { cause: loop });
    let long = new Error('deepest xoxb-2-deep');
    for (let i = 0; i < 50; i++) long = new Error(`level ${i}`, { cause: long });
    log.error({ err: loop }, 'loop');
    log.error({ err: long }, 'long');
    expect(lines).toHaveLength(2);
    expect((lines[0]!.err as { message: string }).message).toMatch(/^first \[redacted\]: second/);
    expect((lines[1]!.err as { message: string }).message).toMatch(/^level 49: level 48/);
    expect(JSON.stringify(lines)).not.toContain('xoxb-');
  });
});
