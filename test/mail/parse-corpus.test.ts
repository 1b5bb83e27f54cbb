import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoReplyVerdict } from '../../src/mail/auto-reply.js';
import { htmlReplyText } from '../../src/mail/html-reply.js';
import { parseMessage } from '../../src/mail/parse-message.js';
import { visibleReply } from '../../src/mail/reply-text.js';
import { CORPUS, HAS_CORPUS, NO_CORPUS_MESSAGE } from '../setup/corpus.js';

// Every real message in the corpus goes through the whole parsing path: MIME, addresses,
// attachments, the auto-reply verdict and reply stripping. None may throw; a message MIME
// cannot read comes back with its problem named.

function messages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return messages(full);
    return /\.(eml|txt)$/i.test(name) && !/LICENSE|README/i.test(name) ? [full] : [];
  });
}

describe.skipIf(!HAS_CORPUS)('parsing every real message in the corpus', () => {
  it('never throws, and gives each message a sender or a named problem', async () => {
    const files = [
      ...messages(path.join(CORPUS, 'email')),
      ...messages(path.join(CORPUS, 'email-replies/mailgun-talon')),
    ].filter((f) => f.endsWith('.eml') || f.includes('/email/'));
    expect(files.length).toBeGreaterThan(150);
    let withProblems = 0;
    for (const file of files) {
      const raw = readFileSync(file);
      const parsed = await parseMessage(raw);
      autoReplyVerdict(parsed);
      if (parsed.text) visibleReply(parsed.text);
      if (parsed.html) htmlReplyText(parsed.html);
      if (!parsed.from) expect(parsed.problems.length, file).toBeGreaterThan(0);
      if (parsed.problems.length) withProblems++;
    }
    console.log(
      `parsed ${files.length} corpus messages; ${withProblems} with a named problem (no sender, bad date, not MIME)`,
    );
  }, 120_000);

  it('recognises the corpus’s delivery status notifications as bounces', async () => {
    const dsn = await parseMessage(
      readFileSync(path.join(CORPUS, 'email/nodemailer-mailparser/fixtures/delivery-status.eml')),
    );
    expect(autoReplyVerdict(dsn)).toMatchObject({ automatic: true, kind: 'bounce' });
    const reports = messages(path.join(CORPUS, 'email/mikel-mail/emails/multipart_report_emails'));
    for (const file of reports) {
      const parsed = await parseMessage(readFileSync(file));
      expect(autoReplyVerdict(parsed), file).toMatchObject({ automatic: true, kind: 'bounce' });
    }
  });
});

if (!HAS_CORPUS) describe('parsing every real message in the corpus', () => it.skip(NO_CORPUS_MESSAGE, () => {}));
