import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

type Ack = { envelope_id: string; payload?: Record<string, unknown> };

/**
 * Slack's side of Socket Mode, on loopback: says hello to each connection, sends envelopes
 * (slash commands, interactivity, events) as Slack does, and hands back the app's ack.
 */
export class FakeSlackSocket {
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private readonly waiting = new Map<string, (ack: Ack) => void>();
  private connected: Promise<void> | undefined;

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    this.connected = new Promise((resolve) =>
      server.on('connection', (socket) => {
        this.socket = socket;
        socket.on('message', (data) => {
          const ack = JSON.parse(String(data)) as Ack;
          this.waiting.get(ack.envelope_id)?.(ack);
          this.waiting.delete(ack.envelope_id);
        });
        socket.send(
          JSON.stringify({
            type: 'hello',
            num_connections: 1,
            debug_info: { host: 'fake' },
            connection_info: { app_id: 'A0JUSTIN' },
          }),
        );
        resolve();
      }),
    );
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server!.address() as AddressInfo).port}/link`;
  }

  /** Sends one envelope once the app is connected; resolves with its ack. */
  async send(
    type: 'slash_commands' | 'interactive' | 'events_api',
    payload: Record<string, unknown>,
    { envelopeId = randomUUID(), retryAttempt = 0 } = {},
  ): Promise<Ack> {
    await this.connected;
    const acked = new Promise<Ack>((resolve) => this.waiting.set(envelopeId, resolve));
    this.socket!.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: retryAttempt,
        retry_reason: retryAttempt ? 'timeout' : '',
      }),
    );
    return acked;
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
