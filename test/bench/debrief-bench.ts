import { createClaude } from '../../src/ai/claude.js';
import { costUsd } from '../../src/ai/pricing.js';
import { synthesizeNotes, type PanelScorecard } from '../../src/services/debriefs/synthesize-notes.js';
import { FakeAnthropic } from '../fakes/anthropic-api.js';

// The debrief's synthesis for a six-person panel on eight competencies, through the real code
// against the local Anthropic fake (characters/4 per token, prompt-cache accounting as
// Anthropic's). Notes are as long as interviewers write (about 170 words each); the answer is
// the length the prompt asks for. The same panel priced on the fast model, beside it.

const NOTE =
  'Walked through the rate limiter design clearly: started from the requirements, asked about burst versus ' +
  'sustained traffic, and picked a token bucket per tenant with a shared Redis fallback. When I pushed on what ' +
  'happens if the store is down she chose to fail open for reads and closed for writes, and said why. Weaker on ' +
  'observability: needed a prompt to mention metrics and did not get to alerting. SQL was solid; wrote the ' +
  'window-function query first time and explained the index it needs. Communication was calm and structured, ' +
  'thought out loud, and took hints well. Would want to see more depth on operating what she builds. On culture: ' +
  'asked good questions about on-call and how we review designs. Overall a strong mid-level engineer; I am less ' +
  'sure about senior scope, which is what this role needs.';
const ANSWER =
  'Ana and Ben found the design work strong: Ana noted the clear requirements gathering, Ben the fail-open ' +
  'reasoning. Cleo and Dev were less sure about operating experience; Dev wrote she needed prompting on ' +
  'metrics and alerting. Eli rated SQL highest and called the window query clean. Fay and Cleo both question ' +
  'senior scope, while Ana and Ben would hire at this level. Open: depth on observability and on-call.';

const names = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay'];
const competencies = [
  'System design',
  'SQL',
  'Observability',
  'Communication',
  'Ownership',
  'Testing',
  'Collaboration',
  'Product sense',
];

export type DebriefBenchRow = {
  model: string;
  calls: number;
  input: number;
  cacheRead: number;
  cacheWrite: number;
  output: number;
  cost: number;
};

export async function benchDebrief({ panels = 5 } = {}): Promise<DebriefBenchRow[]> {
  const fake = await new FakeAnthropic().start();
  fake.readingResponder = () => ({ json: { synthesis: ANSWER } });
  const claude = createClaude({ apiKey: 'bench', baseUrl: fake.url });
  const cards: PanelScorecard[] = names.map((interviewer, i) => ({
    interviewer: `${interviewer} Interviewer`,
    recommendation: i % 3 === 0 ? 'NO' : 'YES',
    ratings: Object.fromEntries(
      competencies.map((name, j) => [`c${j}`, { name, rating: (((i + j) % 4) + 1) as 1 | 2 | 3 | 4 }]),
    ),
    notes: NOTE,
  }));
  const rows: DebriefBenchRow[] = [];
  try {
    for (const model of ['claude-sonnet-5-5', 'claude-haiku-4-5']) {
      const row = { model, calls: 0, input: 0, cacheRead: 0, cacheWrite: 0, output: 0, cost: 0 };
      for (let p = 0; p < panels; p++) {
        const s = await synthesizeNotes({ claude, model }, { step: `Technical interview ${p}`, cards });
        if (!s.text) throw new Error(`no synthesis: ${s.problem}`);
        row.calls += s.calls;
        row.input += s.usage.input_tokens;
        row.cacheRead += s.usage.cache_read_input_tokens ?? 0;
        row.cacheWrite += s.usage.cache_creation_input_tokens ?? 0;
        row.output += s.usage.output_tokens;
        row.cost += costUsd(model, s.usage);
      }
      rows.push({
        model,
        calls: row.calls / panels,
        input: row.input / panels,
        cacheRead: row.cacheRead / panels,
        cacheWrite: row.cacheWrite / panels,
        output: row.output / panels,
        cost: row.cost / panels,
      });
    }
  } finally {
    await fake.stop();
  }
  return rows;
}
