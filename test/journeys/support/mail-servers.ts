import { randomUUID } from 'node:crypto';
import type { SentMail } from '../../fakes/google-api.js';
import { appleMailForward } from '../../factories/mime.js';
import type { Candidate } from './candidate.js';
import type { Person } from './slack-person.js';
import type { JourneyWorld } from './world.js';

// Mail that reaches the recruiting mailbox from elsewhere than a candidate's keyboard: a
// recruiter forwarding an application from their own mail client, a candidate's mailbox
// answering by itself while they are away, mail servers returning mail they could not deliver.
// Real MIME, as those clients and servers write it.

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));
const date = (world: JourneyWorld) => world.clock.now().toUTCString().replace('GMT', '+0000');

/** A recruiter forwards an application from Apple Mail: the original quoted, the PDF CV attached inline. */
export async function forwardsFromAppleMail(
  world: JourneyWorld,
  recruiter: Person,
  { applicant, subject, body, cv }: { applicant: Candidate; subject: string; body: string; cv: Buffer },
): Promise<void> {
  await world.google.deliver(
    appleMailForward({
      forwarder: `${recruiter.name} <${recruiter.email}>`,
      to: world.mailbox,
      original: { from: `${applicant.name} <${applicant.email}>`, subject },
      note: 'Found this one in my inbox, looks strong.',
      body,
      pdf: cv,
      pdfName: `CV ${applicant.name}.pdf`,
    }),
  );
}

/** iCloud's vacation reply to a mail Justin sent: In-Reply-To set; only X-Apple-Action says it is automatic. */
export async function icloudVacationReply(world: JourneyWorld, candidate: Candidate, to: SentMail): Promise<void> {
  await world.google.deliver(
    crlf([
      `From: ${candidate.name} <${candidate.email}>`,
      `To: ${world.mailbox}`,
      `Subject: Re: ${to.subject}`,
      `Date: ${date(world)}`,
      `Message-Id: <${randomUUID()}@icloud.com>`,
      `In-Reply-To: <${to.messageId}>`,
      `References: <${to.messageId}>`,
      'X-Apple-Action: VACATION',
      'Mime-Version: 1.0 (1.0)',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 7bit',
      '',
      'Hi, I am travelling until Monday with limited access to email. Option 1 works, I will confirm when back.',
      '',
    ]),
  );
}

/** Gmail returns a mail Justin sent: a DSN (multipart/report) from the mailer daemon, in the mail's thread. */
export async function gmailBounces(world: JourneyWorld, sent: SentMail): Promise<void> {
  const b = `000000000000${randomUUID().slice(0, 12)}`;
  await world.google.deliver(
    crlf([
      'Return-Path: <>',
      'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      `To: ${world.mailbox}`,
      'Subject: Delivery Status Notification (Failure)',
      `Date: ${date(world)}`,
      `Message-ID: <${randomUUID()}@mx.google.com>`,
      `References: <${sent.messageId}>`,
      `In-Reply-To: <${sent.messageId}>`,
      'Auto-Submitted: auto-replied',
      `Content-Type: multipart/report; boundary="${b}"; report-type=delivery-status`,
      '',
      `--${b}`,
      'Content-Type: text/plain; charset="UTF-8"',
      '',
      '** Address not found **',
      '',
      `Your message wasn't delivered to ${sent.to} because the address couldn't be found.`,
      '',
      `--${b}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; googlemail.com',
      '',
      `Final-Recipient: rfc822; ${sent.to}`,
      'Action: failed',
      'Status: 5.1.1',
      '',
      `--${b}--`,
      '',
    ]),
  );
}

/** A carrier's postmaster returns mail, out of any thread, with no header that says so: only its words. */
export async function carrierBounces(world: JourneyWorld, sent: SentMail): Promise<void> {
  await world.google.deliver(
    crlf([
      'From: post_master@mail.carrier.example',
      `To: ${world.mailbox}`,
      'Subject: Delivery failure',
      `Date: ${date(world)}`,
      `Message-ID: <${randomUUID()}@mail.carrier.example>`,
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its recipients.',
      `  ${sent.to}: mailbox full`,
      '',
    ]),
  );
}
