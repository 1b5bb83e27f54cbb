import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appManifest, createAppLink } from '../../src/slack/app-manifest.js';
import { HAS_MANIFEST_SCHEMA, manifestValidator } from '../setup/manifest-schema.js';

// The manifest behind the status page's "Create the Slack app" link: the same app as manifest.yml, in its HTTP
// variant (request URLs under PUBLIC_URL) or its Socket Mode variant, each valid against Slack's schema.
const yaml = readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8');

describe("the Slack app's manifest", () => {
  it('is manifest.yml, with PUBLIC_URL in place of its placeholder', () => {
    const expected = parse(yaml.replaceAll('https://YOUR-PUBLIC-URL', 'https://justin.acme.test'));
    expect(appManifest({ publicUrl: 'https://justin.acme.test/' })).toEqual(expected);
  });

  it('without a public URL is the Socket Mode variant: no request URLs anywhere', () => {
    const manifest = appManifest({ publicUrl: undefined });
    expect(manifest).toMatchObject({ settings: { socket_mode_enabled: true } });
    expect(JSON.stringify(manifest)).not.toMatch(/https?:|request_url|"url"/);
  });

  it("goes into one link to Slack's app-creation page that decodes back to it", () => {
    const manifest = appManifest({ publicUrl: 'https://justin.acme.test' });
    const link = new URL(createAppLink(manifest));
    expect(link.origin + link.pathname).toBe('https://api.slack.com/apps');
    expect(link.searchParams.get('new_app')).toBe('1');
    expect(JSON.parse(link.searchParams.get('manifest_json')!)).toEqual(manifest);
  });

  it.skipIf(!HAS_MANIFEST_SCHEMA)(
    "is valid against Slack's manifest schema in both variants (needs ../shared/corpus)",
    () => {
      const validate = manifestValidator();
      for (const publicUrl of ['https://justin.acme.test', undefined]) {
        const valid = validate(appManifest({ publicUrl }));
        expect(validate.errors ?? [], String(publicUrl)).toEqual([]);
        expect(valid).toBe(true);
      }
    },
  );
});
