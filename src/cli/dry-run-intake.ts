// npm run intake:dry-run -- <file.eml | dir> [--mailbox …] [--roles roles.json]: prints JSON, changes nothing.
import { readFile } from 'node:fs/promises';
import { DRY_RUN_USAGE, dryRun } from './dry-run-command.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target = args.find((a, i) => !a.startsWith('--') && !['--mailbox', '--roles'].includes(args[i - 1] ?? ''));
if (!target || args.includes('--help')) {
  console.error(DRY_RUN_USAGE);
  process.exit(2);
}
const rolesFile = option('--roles');
try {
  const result = await dryRun({
    target,
    mailbox: option('--mailbox') ?? process.env.GMAIL_MAILBOX ?? 'jobs@example.com',
    rolesJson: rolesFile ? await readFile(rolesFile, 'utf8') : undefined,
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} catch (err) {
  console.error(`dry run failed: ${(err as Error).message}`);
  process.exit(2);
}
