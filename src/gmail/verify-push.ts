import { OAuth2Client } from 'google-auth-library';
import { z } from 'zod';

// Gmail push arrives from Pub/Sub with an OIDC token signed by Google. We accept it only
// with a valid signature (Google's certificates, fetched and cached by google-auth-library
// per their Cache-Control), a Google issuer, our audience, an unexpired time and, when
// configured, the subscription's own service account.

export type PushVerdict = { ok: true } | { ok: false; reason: string };

export function createPushVerifier({
  audience,
  serviceAccount,
  certsUrl,
}: {
  audience: string | undefined;
  serviceAccount: string | undefined;
  certsUrl: string;
}) {
  const client = new OAuth2Client({ endpoints: { oauth2FederatedSignonPemCertsUrl: certsUrl } });
  return async function verifyPush(authorization: string | undefined): Promise<PushVerdict> {
    if (!audience)
      return { ok: false, reason: 'push is not configured (no audience: set PUBLIC_URL or GMAIL_PUSH_AUDIENCE)' };
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, reason: 'no bearer token' };
    try {
      const ticket = await client.verifyIdToken({ idToken: token, audience });
      const payload = ticket.getPayload();
      if (!payload || !['accounts.google.com', 'https://accounts.google.com'].includes(payload.iss))
        return { ok: false, reason: 'not issued by Google' };
      if (serviceAccount && (payload.email !== serviceAccount || payload.email_verified !== true))
        return { ok: false, reason: 'not the push subscription’s service account' };
      return { ok: true };
    } catch (err) {
      return { ok: false, reason: whyRefused(err) };
    }
  };
}

/**
 * google-auth-library's message for a refused token, without what follows its first colon:
 * there it quotes the token's payload (or the token), which is the caller's to choose.
 */
function whyRefused(err: unknown): string {
  const first = String((err as Error)?.message ?? err).split(/[:\n{]/)[0]!;
  return (
    first
      .replace(/[^\w .,'’-]/g, '')
      .slice(0, 80)
      .trim() || 'invalid token'
  );
}

/** A Pub/Sub push body; `data` is base64 JSON from Gmail: { emailAddress, historyId }. */
export const ZPushEnvelope = z.object({
  message: z.object({ data: z.string(), messageId: z.string().optional(), publishTime: z.string().optional() }),
  subscription: z.string().optional(),
});
export const ZGmailNotification = z.object({
  emailAddress: z.email(),
  historyId: z.union([z.string(), z.number()]).transform(String),
});

export function decodeNotification(body: unknown): z.infer<typeof ZGmailNotification> | undefined {
  const envelope = ZPushEnvelope.safeParse(body);
  if (!envelope.success) return undefined;
  try {
    const parsed = ZGmailNotification.safeParse(
      JSON.parse(Buffer.from(envelope.data.message.data, 'base64').toString('utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
