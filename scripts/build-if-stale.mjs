// `npm start` builds only when a source changed since the last build: a warm start skips TypeScript entirely
// (checking ~400 timestamps takes milliseconds; a no-op `tsc --incremental` still takes 3 s), and a changed start
// rebuilds incrementally (tsconfig.build.json keeps its build info in dist/). Plain JavaScript, run by preflight.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a build reads: a change to any of these (a deleted file changes its folder's time) means a new build. */
export const INPUTS = ['src', 'prisma/schema.prisma', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** The latest modification time (ms) of `paths` and everything under them; 0 when none exists. */
export function newestChange(root, paths = INPUTS) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  for (const p of paths) visit(path.join(root, p));
  return newest;
}

/** Builds dist/ when a source is newer than the last build; returns whether it built. Exits on a failed build. */
export function buildIfStale(root, { log = (line) => console.error(line) } = {}) {
  const stamp = path.join(root, 'dist', '.built');
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (builtAt && newestChange(root) <= builtAt) return false;

  const startedAt = new Date();
  log(builtAt ? 'Sources changed since the last build: building…' : 'First start: building Justin…');
  const generated = path.join(root, 'src', 'generated', 'prisma', 'client.ts');
  if (!existsSync(generated) || statSync(generated).mtimeMs < newestChange(root, ['prisma/schema.prisma'])) {
    run(root, [path.join(root, 'prisma', 'generate.mjs')]);
  }
  run(root, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  // Stamped with the time the build began, so a file saved during the build still counts as changed next time.
  writeFileSync(stamp, '');
  utimesSync(stamp, startedAt, startedAt);
  return true;
}

function run(root, args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed (see above); Justin did not start.');
    process.exit(result.status ?? 1);
  }
}
