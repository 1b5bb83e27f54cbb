import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { fetchFreeBusy } from '../../src/calendar/free-busy.js';
import { createCalendarApi } from '../../src/calendar/calendar-api.js';
import { AppError } from '../../src/errors.js';
import { createGoogleAuth } from '../../src/google/google-auth.js';
import { GOOGLE, useNock } from '../setup/google.js';

useNock();

describe('createGoogleAuth', () => {
  it(
    'with a service account, ' + 'signs a JWT for the impersonated user and calls the API with the token it gets',
    async () => {
      const { privateKey } = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      const auth = createGoogleAuth({
        serviceAccountJson: JSON.stringify({
          type: 'service_account',
          client_email: 'justin@proj.iam.gserviceaccount.com',
          private_key: privateKey,
        }),
        oauth: undefined,
        oauthTokens: undefined,
      });
      let assertion: Record<string, unknown> = {};
      nock('https://oauth2.googleapis.com')
        .post('/token', (body: Record<string, string>) => {
          assertion = JSON.parse(Buffer.from(body.assertion!.split('.')[1]!, 'base64url').toString());
          return body.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer';
        })
        .reply(200, { access_token: 'ya29.sa', expires_in: 3600, token_type: 'Bearer' });
      nock(GOOGLE)
        .post('/calendar/v3/freeBusy')
        .matchHeader('authorization', 'Bearer ya29.sa')
        .reply(200, { calendars: { 'bea@example.com': { busy: [] } } });

      const api = createCalendarApi(auth.as('bea@example.com'), `${GOOGLE}/`);
      await fetchFreeBusy(api, {
        calendarIds: ['bea@example.com'],
        from: new Date('2026-03-09T00:00:00Z'),
        to: new Date('2026-03-10T00:00:00Z'),
      });
      expect(assertion).toMatchObject({ iss: 'justin@proj.iam.gserviceaccount.com', sub: 'bea@example.com' });
      expect(auth.impersonates).toBe(true);
    },
  );

  it('with OAuth tokens, refreshes at the configured token URL when the access token has expired', async () => {
    const auth = createGoogleAuth({
      serviceAccountJson: undefined,
      oauth: {
        clientId: 'id.apps.googleusercontent.com',
        clientSecret: 'secret',
        tokenUrl: 'http://fake-google.test/token',
      },
      oauthTokens: { refresh_token: '1//refresh', access_token: 'old', expiry_date: 1 },
    });
    nock('http://fake-google.test')
      .post('/token', (body: Record<string, string>) => body.refresh_token === '1//refresh')
      .reply(200, { access_token: 'ya29.new', expires_in: 3600 });
    nock('http://fake-google.test')
      .post('/calendar/v3/freeBusy')
      .matchHeader('authorization', 'Bearer ya29.new')
      .reply(200, { calendars: {} });
    const api = createCalendarApi(auth.as('jobs@example.com'), 'http://fake-google.test/');
    await fetchFreeBusy(api, {
      calendarIds: ['x@example.com'],
      from: new Date('2026-03-09T00:00:00Z'),
      to: new Date('2026-03-10T00:00:00Z'),
    });
  });

  it('not connected, looks again for tokens another process stored (at most every 30 s), and uses them', async () => {
    let stored: { refresh_token: string; access_token: string; expiry_date: number } | undefined;
    let looked = 0;
    const auth = createGoogleAuth({
      serviceAccountJson: undefined,
      oauth: { clientId: 'id.apps.googleusercontent.com', clientSecret: 'secret' },
      oauthTokens: undefined,
      reloadTokens: async () => (looked++, stored),
    });
    expect(() => auth.as('jobs@example.com')).toThrow(/no OAuth tokens/);
    await new Promise((r) => setImmediate(r));
    stored = { refresh_token: 'r', access_token: 'ya29.x', expiry_date: Date.now() + 3_600_000 };
    // Too soon after the last look: not connected yet, and not looked again.
    expect(() => auth.as('jobs@example.com')).toThrow(/no OAuth tokens/);
    expect(looked).toBe(1);
    vi.setSystemTime(Date.now() + 31_000);
    expect(() => auth.as('jobs@example.com')).toThrow(/no OAuth tokens/);
    await new Promise((r) => setImmediate(r));
    vi.useRealTimers();
    expect(looked).toBe(2);
    expect(auth.as('jobs@example.com')).toBeDefined();
  });

  it('without either, says Google is not connected', () => {
    const auth = createGoogleAuth({ serviceAccountJson: undefined, oauth: undefined, oauthTokens: undefined });
    expect(() => auth.as('x@example.com')).toThrow(AppError);
  });
});
