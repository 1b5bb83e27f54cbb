import { signGoogleIdToken } from './google-signer.js';

/** Where and how Pub/Sub pushes Gmail's notifications (the subscription's push config). */
export type PushConfig = {
  /** The push endpoint, e.g. the service's /gmail/push. */
  url: string;
  /** The OIDC token's audience, as set on the subscription. */
  audience: string;
  /** The service account Pub/Sub signs the token as. */
  serviceAccount: string;
  subscription?: string;
};

export type PushRecord = { status: number; historyId: string; messageId: string; error?: string };

let pubsubSeq = 0;

/**
 * POSTs one Gmail notification as a Pub/Sub push: the envelope Pub/Sub sends, with the
 * notification base64 in `data` and an OIDC token in Authorization. Resolves with the
 * endpoint's status (0 when it could not be reached), never throws: Pub/Sub would retry.
 */
export async function pushNotification(
  config: PushConfig,
  notification: { emailAddress: string; historyId: string },
): Promise<PushRecord> {
  const messageId = String(9_000_000_000_000 + ++pubsubSeq);
  const publishTime = new Date().toISOString();
  const data = Buffer.from(JSON.stringify(notification)).toString('base64');
  const envelope = {
    message: { data, messageId, message_id: messageId, publishTime, publish_time: publishTime },
    subscription: config.subscription ?? 'projects/fake-project/subscriptions/gmail-push',
  };
  const token = signGoogleIdToken({
    aud: config.audience,
    azp: '100000000000000000001',
    sub: '100000000000000000001',
    email: config.serviceAccount,
    email_verified: true,
  });
  const record = { historyId: notification.historyId, messageId };
  try {
    const res = await fetch(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(envelope),
      signal: AbortSignal.timeout(10_000),
    });
    await res.body?.cancel();
    return { ...record, status: res.status };
  } catch (err) {
    return { ...record, status: 0, error: (err as Error).message };
  }
}
