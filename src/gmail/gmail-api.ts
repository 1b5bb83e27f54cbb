import { google, type gmail_v1 } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';

export type GmailApi = gmail_v1.Gmail;

/** A Gmail v1 client at a configurable root; retries are the jobs' and the outbox's. */
export function createGmailApi(auth: OAuth2Client, rootUrl: string): GmailApi {
  return google.gmail({ version: 'v1', auth, rootUrl, retry: false, timeout: 30_000 });
}
