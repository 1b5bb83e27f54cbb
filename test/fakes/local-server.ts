import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeReply = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * The HTTP part every local fake shares: a server on a free loopback port answering JSON from
 * `handle`. Status 0 means hang (never answer), for timeout tests; 204 and 302 have no body.
 */
export abstract class LocalFake {
  private server: Server | undefined;

  protected abstract handle(req: IncomingMessage): Promise<FakeReply>;

  get origin(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      // A fake that throws answers 500 with the message: a hung request would hide the bug
      // behind the client's timeout.
      const reply = this.handle(req).catch(
        (err: unknown): FakeReply => ({
          status: 500,
          body: { error: { code: 500, message: `fake: ${(err as Error).message}` } },
        }),
      );
      void reply.then(({ status, headers, body }) => {
        if (status === 0) return;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(status === 204 || status === 302 ? undefined : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/** A body as bytes (an upload). */
export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A form-encoded body (OAuth's token endpoint) as plain fields. */
export function parseForm(raw: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw));
}
