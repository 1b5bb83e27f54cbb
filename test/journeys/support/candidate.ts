import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { SentMail } from '../../fakes/google-api.js';
import { textPdf } from '../../factories/pdf.js';
import { eventually } from '../../setup/workers.js';
import type { JourneyWorld } from './world.js';

/**
 * A job candidate: someone outside the company who only ever writes and reads email. Their mail
 * is real MIME built by nodemailer, as a mail client sends it, with a real PDF CV.
 */
export class Candidate {
  constructor(
    private readonly world: JourneyWorld,
    readonly name: string,
    readonly email: string,
  ) {}

  get firstName(): string {
    return this.name.split(/\s+/)[0]!;
  }

  /** Sends an application (or any first mail) to the recruiting mailbox, with a CV when given. */
  async emails({
    subject,
    text,
    cv,
    to = this.world.mailbox,
  }: {
    subject: string;
    text: string;
    cv?: string[];
    to?: string;
  }): Promise<void> {
    const raw = await compose({
      from: `${this.name} <${this.email}>`,
      to,
      subject,
      text,
      messageId: `<${randomUUID()}@${this.email.split('@')[1]}>`,
      date: this.world.clock.now(),
      ...(cv
        ? {
            attachments: [
              {
                filename: `${this.name.replace(/\s+/g, '_')}_CV.pdf`,
                content: textPdf(cv),
                contentType: 'application/pdf',
              },
            ],
          }
        : {}),
    });
    await this.world.google.deliver(raw);
  }

  /** Everything Justin has sent this candidate, oldest first. */
  inbox(): SentMail[] {
    return this.world.google.sent.filter((m) => m.to.toLowerCase() === this.email.toLowerCase());
  }

  /** Waits for the next mail Justin sends after the `seen` mails already read. */
  async receives(seen = this.inbox().length): Promise<SentMail> {
    return eventually(async () => this.inbox()[seen], { timeoutMs: 10_000 }).catch(() => {
      throw new Error(`${this.name} received no new mail (has ${this.inbox().length})`);
    });
  }

  /** Answers the latest mail Justin sent, in its thread, as a mail client does (quoting it). */
  async replies(text: string): Promise<void> {
    const last = this.inbox().at(-1);
    if (!last) throw new Error(`${this.name} has no mail to reply to`);
    const quoted = last.text
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n');
    const raw = await compose({
      from: `${this.name} <${this.email}>`,
      to: this.world.mailbox,
      subject: /^re:/i.test(last.subject) ? last.subject : `Re: ${last.subject}`,
      text: `${text}\n\nOn ${this.world.clock.now().toUTCString()}, ${this.world.mailbox} wrote:\n${quoted}\n`,
      messageId: `<${randomUUID()}@${this.email.split('@')[1]}>`,
      inReplyTo: `<${last.messageId}>`,
      references: [`<${last.messageId}>`],
      date: this.world.clock.now(),
    });
    await this.world.google.deliver(raw);
  }
}

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}
