import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeMessage } from '../../../src/domain/intake/describe-message.js';
import { forwardedOriginal } from '../../../src/domain/intake/forwarded.js';
import { parseMessage } from '../../../src/mail/parse-message.js';
import { CORPUS, HAS_CORPUS, NO_CORPUS_MESSAGE } from '../../setup/corpus.js';

// Forwarded applications against ../shared/corpus/email-forwards: is it a forward, and who is
// the applicant (the original sender's address)? Figures per source; the README and
// docs/architecture.md quote them.

const BASE = path.join(CORPUS, 'email-forwards');
const MAILBOX = 'jobs@example.com';
const read = (...parts: string[]) => readFileSync(path.join(...parts), 'utf8');

type CrispCase = {
  input: string;
  forwarding_subject: string | null;
  expected: { forwarded: boolean; from?: { address: string | null; name: string | null } };
};

/** Every forward in the corpus that is a whole MIME message, with the applicant it names. */
const MESSAGES: Array<{ file: string; applicant: string }> = [
  { file: 'email-forwards/discourse/forwarded_email_1.eml', applicant: 'some@one.com' },
  { file: 'email-forwards/discourse/forwarded_email_2.eml', applicant: 'some@one.com' },
  { file: 'email-forwards/discourse/forwarded_email_3.eml', applicant: 'un@francais.fr' },
  { file: 'email-forwards/discourse/forwarded_email_4.eml', applicant: 'some@one.com' },
  { file: 'email-forwards/discourse/forwarded_by_group_to_inbox.eml', applicant: 'fred@bedrock.com' },
  { file: 'email-forwards/froide/test_mail_02.eml', applicant: 'peter.huene@example.com' },
  // Forwarded as an attachment (message/rfc822), Apple Mail.
  { file: 'email/mikel-mail/emails/attachment_emails/attachment_message_rfc822.eml', applicant: 'xxxx@xxxx.com' },
];

describe.skipIf(!HAS_CORPUS)('forwards in the corpus', () => {
  it("crisp-oss's client and language fixtures: forward or not, and the original sender", () => {
    const { cases } = JSON.parse(read(BASE, 'crisp-oss-email-forward-parser/EXPECTED.json')) as { cases: CrispCase[] };
    const misses: string[] = [];
    let withSender = 0;
    for (const c of cases) {
      const dir = path.join(BASE, 'crisp-oss-email-forward-parser');
      const subject = c.forwarding_subject ? read(dir, c.forwarding_subject).trim() : '';
      const got = forwardedOriginal({ text: read(dir, c.input), html: undefined, subject, attachedMessages: [] });
      if (!!got !== c.expected.forwarded) misses.push(`${c.input}: forwarded ${!!got}`);
      else if (c.expected.from?.address) {
        withSender++;
        if (got?.from?.address !== c.expected.from.address) misses.push(`${c.input}: ${got?.from?.address}`);
      } else if (c.expected.from && got?.from) misses.push(`${c.input}: an address where there is none`);
    }
    console.log(
      `forwards, crisp-oss: ${cases.length - misses.length}/${cases.length} right ` +
        `(${withSender} with an original sender address)`,
    );
    expect(misses).toEqual([]);
  });

  it('whole messages: the applicant is the original sender, not the forwarder', async () => {
    const misses: string[] = [];
    for (const { file, applicant } of MESSAGES) {
      const email = await parseMessage(readFileSync(path.join(CORPUS, file)));
      const reading = describeMessage(email, { mailbox: MAILBOX, roles: [] });
      if (reading.sender?.address.toLowerCase() !== applicant) misses.push(`${file}: ${reading.sender?.address}`);
      else expect(reading.forwardedBy, file).toBe(email.from?.address);
    }
    console.log(`forwards, whole messages: ${MESSAGES.length - misses.length}/${MESSAGES.length} to the applicant`);
    expect(misses).toEqual([]);
  });

  it('a forward naming its sender without an address gives no applicant, never the forwarder', () => {
    const text = read(CORPUS, 'email-replies/edgetier-email-reply-parser/emails/forwarded_message_french.txt');
    const got = forwardedOriginal({ text, html: undefined, subject: 'Fwd: Votre commande', attachedMessages: [] });
    expect(got).toBeDefined();
    expect(got?.from).toBeUndefined();
  });

  it('reads the reply suites’ pathological and 767 KB mails in time (the parser runs without RE2)', () => {
    for (const file of ['pathological.txt', 'email_long_quote.txt']) {
      const text = read(CORPUS, 'email-replies/github-email_reply_parser/emails', file);
      const started = performance.now();
      forwardedOriginal({ text, html: `<p>${text}</p>`, subject: 'Fwd: x', attachedMessages: [] });
      expect(performance.now() - started, file).toBeLessThan(3_000);
    }
  });
});

if (!HAS_CORPUS) describe('forwards in the corpus', () => it.skip(NO_CORPUS_MESSAGE, () => {}));
