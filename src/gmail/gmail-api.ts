// googleapis's own module for this one API: the package's index loads all of its ~300 APIs
// (measured: 0.5 s and 59 MB of heap more per process than the two Justin uses).
import { gmail, type gmail_v1 } from 'googleapis/build/src/apis/gmail/index.js';
import type { OAuth2Client } from 'google-auth-library';

export type GmailApi = gmail_v1.Gmail;

/** A Gmail v1 client at a configurable root; retries are the jobs' and the outbox's. */
export function createGmailApi(auth: OAuth2Client, rootUrl: string): GmailApi {
  return gmail({ version: 'v1', auth, rootUrl, retry: false, timeout: 30_000 });
}
