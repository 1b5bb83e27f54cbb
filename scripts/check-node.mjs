// The Node check that runs before `npm start` and `npm test` do anything (and `npm install` refuses an old Node
// through engine-strict in .npmrc). Plain JavaScript with no imports, so even a Node too old for the rest of Justin
// can run it and say so in one line, instead of failing later on a missing API (Node 20: `setSourceMapsSupport`,
// `Map.groupBy` in Vitest's summary, which once let a test run with failed files exit 0).
import { pathToFileURL } from 'node:url';

/** The versions Justin supports; the same range as package.json "engines" (a test keeps them equal). */
export const SUPPORTED = '^22.20.0 || ^24.0.0 || >=26.0.0';

/** Whether `version` (e.g. "24.11.1" or "v20.20.2") is in SUPPORTED: 22.20+, 24, or 26 and later. */
export function isSupported(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  if (major === 22) return minor >= 20;
  return major === 24 || major >= 26;
}

/** One line saying what is wrong and how to fix it, or undefined when `version` is supported. */
export function nodeProblem(version, execPath) {
  if (isSupported(version)) return undefined;
  const v = String(version).replace(/^v/, '');
  return (
    `Justin needs Node.js 24 (or 22.20 and later), but this is Node.js ${v}${execPath ? ` (${execPath})` : ''}: ` +
    'install Node 24 LTS from https://nodejs.org/en/download (or run `nvm install 24`), then run the command again.'
  );
}

/** Exits with that line and code 1 on an unsupported Node; `version` may be given (tests pretend to be old). */
export function checkNode(version = process.versions.node, execPath = process.execPath) {
  const problem = nodeProblem(version, execPath);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

// Run directly (`node scripts/check-node.mjs [version]`): check this Node, or the version given.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2]) checkNode(process.argv[2], '');
  else checkNode();
}
