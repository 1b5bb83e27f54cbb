// The slot engine from a shell:  npm run slots -- query.json  or  … --explain 2026-03-09T14:00:00Z
import { readFile } from 'node:fs/promises';
import { runSlotsCommand, SLOTS_USAGE } from './slots-command.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(SLOTS_USAGE);
  process.exit(0);
}
const explainAt = args.indexOf('--explain');
const explain = explainAt >= 0 ? args[explainAt + 1] : undefined;
// Without --explain every argument is a candidate for the file (explainAt + 1 would be 0, the file itself).
const file = args.filter((_, i) => explainAt < 0 || (i !== explainAt && i !== explainAt + 1))[0];
if (explainAt >= 0 && !explain) {
  console.error(SLOTS_USAGE);
  process.exit(2);
}

const json = file
  ? await readFile(file, 'utf8').catch((error: Error) => fail(`cannot read ${file}: ${error.message}`))
  : await stdin();
const result = runSlotsCommand({ json, ...(explain ? { explain } : {}) });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;

async function stdin(): Promise<string> {
  if (process.stdin.isTTY) fail(SLOTS_USAGE);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
