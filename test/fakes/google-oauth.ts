import type { IncomingHttpHeaders } from 'node:http';
import type { FakeReply } from './local-server.js';

/** What the person on Google's consent screen does: sign in as `as`, then allow or deny. */
export type Consent = { as: string; decision: 'allow' | 'deny' };

export type TokenRequest = {
  grantType: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  code?: string;
  redirectUri?: string;
  refreshToken?: string;
  status: number;
};

type Grant = { account: string; scope: string; clientId: string };

const oauthError = (status: number, error: string, description: string): FakeReply => ({
  status,
  body: { error, error_description: description },
});

/**
 * Google's OAuth 2 endpoints for a web server app: the consent screen (answered at once, as
 * `consent` says, by a redirect back with a one-time code) and the token endpoint (code
 * exchange, refresh). Access tokens remember whom they were issued for, so Gmail's profile
 * can answer as that account.
 */
export class FakeOAuth {
  /** The auth requests, as their query parameters (client_id, scope, login_hint, state …). */
  readonly authRequests: Array<Record<string, string>> = [];
  readonly tokenRequests: TokenRequest[] = [];
  /** When set, only this client is known: another client id or secret gets invalid_client. */
  client: { id: string; secret: string } | undefined;
  private readonly codes = new Map<string, Grant & { redirectUri: string; offline: boolean }>();
  private readonly refreshTokens = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, Grant>();
  private readonly revoked = new Set<string>();

  constructor(
    private readonly consent: () => Consent,
    private readonly mailbox: string,
    private readonly nextId: (kind: string) => string,
  ) {}

  /** The account a bearer token was issued for, if the fake issued it. */
  accountFor(authorization: string | undefined): string | undefined {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    return token ? this.accessTokens.get(token)?.account : undefined;
  }

  /** The refresh token stops working, as when the person removes the app's access. */
  revoke(refreshToken: string): void {
    this.revoked.add(refreshToken);
  }

  /** GET /o/oauth2/v2/auth: consent given (or refused) at once, back to redirect_uri. */
  authorize(query: URLSearchParams): FakeReply {
    const params = Object.fromEntries(query);
    this.authRequests.push(params);
    const { client_id: clientId, redirect_uri: redirectUri, response_type: type, state } = params;
    if (!clientId || !redirectUri) return oauthError(400, 'invalid_request', 'Missing required parameter');
    if (this.client && clientId !== this.client.id)
      return oauthError(401, 'invalid_client', 'The OAuth client was not found.');
    if (type !== 'code') return oauthError(400, 'unsupported_response_type', `Invalid response_type: ${type}`);
    const back = new URL(redirectUri);
    const { as, decision } = this.consent();
    if (decision === 'deny') {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = `4/0${this.nextId('c')}`;
      const scope = params.scope ?? '';
      this.codes.set(code, { account: as, scope, clientId, redirectUri, offline: params.access_type === 'offline' });
      back.searchParams.set('code', code);
      back.searchParams.set('scope', scope);
    }
    if (state !== undefined) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.toString() } };
  }

  /** POST /token: authorization_code (once, same redirect_uri) or refresh_token. */
  token(form: Record<string, string>, headers: IncomingHttpHeaders): FakeReply {
    const basic = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [];
    const request: TokenRequest = {
      grantType: form.grant_type ?? '',
      clientId: form.client_id ?? basicId,
      clientSecret: form.client_secret ?? basicSecret,
      ...(form.code ? { code: form.code } : {}),
      ...(form.redirect_uri ? { redirectUri: form.redirect_uri } : {}),
      ...(form.refresh_token ? { refreshToken: form.refresh_token } : {}),
      status: 0,
    };
    this.tokenRequests.push(request);
    const reply = this.grant(request);
    request.status = reply.status;
    return reply;
  }

  private grant(request: TokenRequest): FakeReply {
    if (this.client && (request.clientId !== this.client.id || request.clientSecret !== this.client.secret)) {
      return oauthError(401, 'invalid_client', 'Unauthorized');
    }
    if (request.grantType === 'authorization_code') {
      const issued = request.code ? this.codes.get(request.code) : undefined;
      if (!issued || issued.clientId !== request.clientId)
        return oauthError(400, 'invalid_grant', 'Malformed auth code.');
      if (issued.redirectUri !== request.redirectUri) return oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
      this.codes.delete(request.code!); // a code works once; a replay is invalid_grant
      const grant = { account: issued.account, scope: issued.scope, clientId: issued.clientId };
      const refreshToken = issued.offline ? `1//0${this.nextId('rt')}` : undefined;
      if (refreshToken) this.refreshTokens.set(refreshToken, grant);
      return {
        status: 200,
        body: { ...this.access(grant), ...(refreshToken ? { refresh_token: refreshToken } : {}) },
      };
    }
    if (request.grantType === 'refresh_token') {
      const token = request.refreshToken ?? '';
      if (!token || this.revoked.has(token))
        return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
      // A refresh token the fake never issued (stored before the fake started) is the mailbox's.
      const grant = this.refreshTokens.get(token) ?? {
        account: this.mailbox,
        scope: '',
        clientId: request.clientId ?? '',
      };
      return { status: 200, body: this.access(grant) };
    }
    return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${request.grantType}`);
  }

  private access(grant: Grant) {
    const accessToken = `ya29.${this.nextId('a')}`;
    this.accessTokens.set(accessToken, grant);
    return { access_token: accessToken, expires_in: 3600, scope: grant.scope, token_type: 'Bearer' };
  }
}
