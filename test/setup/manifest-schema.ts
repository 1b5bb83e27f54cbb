import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { CORPUS } from './corpus.js';

// Slack's JSON Schema for app manifests (copied in ../shared/corpus), for manifest.yml and the
// status page's prefilled manifests alike.
const dir = path.join(CORPUS, 'slack/manifest-schema');

/** Whether the schema is here (CI always has the corpus; a user's clone may not). */
export const HAS_MANIFEST_SCHEMA = existsSync(dir);

/** A validator for a manifest, against both schema versions Slack publishes. */
export function manifestValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const read = (p: string) => JSON.parse(readFileSync(path.join(dir, p), 'utf8'));
  for (const v of ['1.0.0', '2.0.0']) {
    ajv.addSchema(
      read(`schemas/manifest.schema.${v}.json`),
      `https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.${v}.json`,
    );
  }
  return ajv.compile(read('manifest.schema.json'));
}
