// Run by node in its own process (so the test's HTTP interception and memory are not its):
//   node slow-clients.ts <port> <connections> <headers as JSON>
// Opens the connections at once; each sends a POST /slack/events of 1 MB, the headers at once
// and the body 16 KB every 100 ms (6.4 s for all of it), until the server closes it. Prints one
// JSON line: each connection's HTTP status (if any answer came) and when it was closed.
import { connect } from 'node:net';

const [port, connections, headersJson] = process.argv.slice(2);
const BODY = 1024 * 1024;
const chunk = Buffer.alloc(16 * 1024, 'a');

function client(headers: Record<string, string>): Promise<{ status: number | null; closedAfterMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    let answer = '';
    let sent = 0;
    const socket = connect(Number(port), '127.0.0.1', () => {
      const all = { ...headers, host: '127.0.0.1', 'content-length': String(BODY) };
      const head = Object.entries(all).map(([k, v]) => `${k}: ${v}`);
      socket.write(`POST /slack/events HTTP/1.1\r\n${head.join('\r\n')}\r\n\r\n`);
      const tick = setInterval(() => {
        if (socket.destroyed || sent >= BODY) return clearInterval(tick);
        socket.write(chunk);
        sent += chunk.length;
      }, 100);
      socket.once('close', () => clearInterval(tick));
    });
    socket.on('data', (d) => {
      answer += d.toString('latin1');
    });
    socket.on('error', () => {}); // writing after the server closed: expected
    socket.once('close', () =>
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]) || null, closedAfterMs: Date.now() - started }),
    );
  });
}

const headers = JSON.parse(headersJson ?? '{}') as Record<string, string>;
const outcomes = await Promise.all(Array.from({ length: Number(connections) }, () => client(headers)));
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
