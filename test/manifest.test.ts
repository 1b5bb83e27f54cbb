import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/slack/ids.js';
import { HAS_MANIFEST_SCHEMA, manifestValidator } from './setup/manifest-schema.js';

const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8'));

describe('manifest.yml', () => {
  it.skipIf(!HAS_MANIFEST_SCHEMA)(
    "is valid against Slack's manifest schema (needs ../shared/corpus; skipped without it)",
    () => {
      const validate = manifestValidator();
      const valid = validate(manifest);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      // and the check has teeth: a name over Slack's 35 characters is refused
      expect(
        validate({ ...manifest, display_information: { ...manifest.display_information, name: 'J'.repeat(36) } }),
      ).toBe(false);
    },
  );

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
