import { existsSync } from 'node:fs';
import path from 'node:path';

/** The shared test corpus beside the checkout (../shared/corpus); CI always has it, a user's clone may not. */
export const CORPUS = path.resolve(new URL('../..', import.meta.url).pathname, '../shared/corpus');
export const HAS_CORPUS = existsSync(CORPUS);
export const NO_CORPUS_MESSAGE = `skipped: the shared corpus is not at ${CORPUS} (it sits beside the checkout in CI)`;
