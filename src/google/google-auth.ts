import { JWT, OAuth2Client } from 'google-auth-library';
import { z } from 'zod';
import { AppError } from '../errors.js';

// Who Justin is when it calls Google. Two ways in:
// - a service account with domain-wide delegation: it acts as any user of the Workspace
//   (the recruiting mailbox for mail and bookings, each interviewer for their calendar);
// - OAuth for the recruiting mailbox alone: bookings and free/busy go through that account,
//   which sees interviewers' free/busy as far as the domain's sharing settings allow.

export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.freebusy',
  // Reading applications and replies (raw), watching the inbox, and sending replies in threads.
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/gmail.send',
];

const ZServiceAccount = z.object({ client_email: z.string(), private_key: z.string() });

export type GoogleAuth = {
  /** An auth client acting as `subject` (an email in the Workspace). */
  as(subject: string): OAuth2Client;
  /** Whether calls can act as users other than the mailbox (domain-wide delegation). */
  readonly impersonates: boolean;
  /** OAuth only: new tokens for the mailbox (after an admin connects it); the same client object keeps working. */
  useTokens?(tokens: OAuthTokens): void;
};

export type OAuthTokens = { refresh_token: string; access_token?: string; expiry_date?: number };

/** How often a process that is not connected looks for tokens stored by another. */
const RELOAD_MS = 30_000;

/**
 * Builds the auth for the configured way in. `oauthTokens` are the mailbox's stored tokens
 * (decrypted by the caller); without a service account or tokens, Google is not connected.
 */
export function createGoogleAuth({
  serviceAccountJson,
  oauth,
  oauthTokens,
  reloadTokens,
  scopes = GOOGLE_SCOPES,
}: {
  serviceAccountJson: string | undefined;
  oauth: { clientId: string; clientSecret: string; tokenUrl?: string } | undefined;
  oauthTokens: OAuthTokens | undefined;
  /**
   * The stored tokens, read again while not connected: another process (the web one) may have
   * stored them since this one started. Tried in the background at most every RELOAD_MS.
   */
  reloadTokens?: (() => Promise<OAuthTokens | undefined>) | undefined;
  scopes?: string[];
}): GoogleAuth {
  if (serviceAccountJson) {
    const key = ZServiceAccount.parse(JSON.parse(serviceAccountJson));
    const clients = new Map<string, JWT>(); // one per subject, each caching its own token
    return {
      impersonates: true,
      as(subject) {
        let client = clients.get(subject);
        if (!client)
          clients.set(subject, (client = new JWT({ email: key.client_email, key: key.private_key, scopes, subject })));
        return client;
      },
    };
  }
  if (oauth) {
    const client = new OAuth2Client({
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      ...(oauth.tokenUrl ? { endpoints: { oauth2TokenUrl: oauth.tokenUrl } } : {}),
    });
    let connected = false;
    const useTokens = (tokens: OAuthTokens) => {
      client.setCredentials(tokens);
      connected = true;
    };
    if (oauthTokens) useTokens(oauthTokens);
    let lastReload = 0;
    const reload = () => {
      if (!reloadTokens || Date.now() - lastReload < RELOAD_MS) return;
      lastReload = Date.now();
      reloadTokens().then(
        (tokens) => tokens && !connected && useTokens(tokens),
        () => {},
      );
    };
    return {
      impersonates: false,
      useTokens,
      as() {
        if (!connected) {
          reload();
          throw notConnected();
        }
        return client;
      },
    };
  }
  return {
    impersonates: false,
    as() {
      throw notConnected();
    },
  };
}

function notConnected(): AppError {
  return new AppError('INTEGRATION_OFF', 'google: no service account and no OAuth tokens for the mailbox', {
    userMessage: 'Google is not connected yet: an admin can connect it with /hire connect google.',
  });
}
