// The intake bench's outside world, in a process of its own as Slack and Anthropic are in
// production: its CPU and memory are not the workers'. Prints one JSON line with the URLs when
// ready; when stdin closes, prints one with what it served and exits.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSlackApi } from '../fakes/slack-api.js';

// How long each answers, as the real services take (BENCH_SLACK_MS, BENCH_CLAUDE_MS; 0 by default).
const slackMs = Number(process.env.BENCH_SLACK_MS ?? 0);
const claudeMs = Number(process.env.BENCH_CLAUDE_MS ?? 0);

/** A local stand-in for the Messages API: answers every request with a valid profile in the JSON format. */
async function fakeClaude(): Promise<{ url: string; calls: () => number; close: () => void }> {
  let calls = 0;
  const answer = JSON.stringify({
    id: 'msg_bench',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-5-5',
    stop_reason: 'end_turn',
    content: [
      {
        type: 'text',
        text: JSON.stringify({
          profile: {
            name: 'Candidate',
            headline: 'Senior engineer',
            location: null,
            yearsExperience: 8,
            skills: ['Postgres', 'TypeScript'],
            languages: ['English'],
            experience: [],
            education: [],
          },
          fit: { summary: 'Eight years of Postgres and TypeScript.', strengths: ['Postgres'], gaps: [], rating: 4 },
        }),
      },
    ],
    usage: { input_tokens: 1500, output_tokens: 250, cache_read_input_tokens: 1200, cache_creation_input_tokens: 0 },
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(answer), claudeMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    close: () => server.close(),
  };
}

const claude = await fakeClaude();
const slack = new FakeSlackApi();
slack.answerAfterMs = slackMs;
await slack.start();
process.stdout.write(`${JSON.stringify({ claudeUrl: claude.url, slackUrl: slack.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  process.stdout.write(`${JSON.stringify({ claudeCalls: claude.calls(), slackCalls: slack.calls.length })}\n`);
  process.exit(0);
});
