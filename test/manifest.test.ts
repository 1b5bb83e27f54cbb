import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/slack/ids.js';

// manifest.yml against the JSON Schema Slack publishes (copied in ../shared/corpus).
const dir = new URL('../../shared/corpus/slack/manifest-schema/', import.meta.url);
const hasCorpus = existsSync(dir);
const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8'));

describe('manifest.yml', () => {
  it.skipIf(!hasCorpus)("is valid against Slack's manifest schema (needs ../shared/corpus; skipped without it)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const read = (p: string) => JSON.parse(readFileSync(new URL(p, dir), 'utf8'));
    for (const v of ['1.0.0', '2.0.0']) {
      ajv.addSchema(
        read(`schemas/manifest.schema.${v}.json`),
        `https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.${v}.json`,
      );
    }
    const validate = ajv.compile(read('manifest.schema.json'));
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // and the check has teeth: a name over Slack's 35 characters is refused
    expect(
      validate({ ...manifest, display_information: { ...manifest.display_information, name: 'J'.repeat(36) } }),
    ).toBe(false);
  });

  it('declares exactly the slash commands the app answers', () => {
    const declared = manifest.features.slash_commands.map((c: { command: string }) => c.command).sort();
    const answered = Object.values(COMMANDS).sort();
    expect(declared).toEqual(answered);
  });

  it('sends every Slack request to the one receiver route', () => {
    const urls = [
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(url).toBe('https://YOUR-PUBLIC-URL/slack/events');
  });

  it('lists why each bot scope is needed in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const scope of manifest.oauth_config.scopes.bot) expect(readme, scope).toContain(`\`${scope}\``);
  });
});
