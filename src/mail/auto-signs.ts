// The signs of automatic mail that a person could also produce: subjects, senders and the
// opening of a bounce's text. Each pattern names who writes it. auto-reply.ts decides how much
// each one counts.

/**
 * Subject prefixes that mail clients and servers write on automatic replies, in their
 * interface's language: "Automatic reply:" (Exchange / Outlook), "AUTO:" (Lotus Notes),
 * "Abwesenheitsnotiz:", "Réponse automatique :", Latvian "automātiskā atbilde:", …. Only the
 * part before the first colon is looked at, so "Re: automatic reply settings" is not one.
 */
const VENDOR_AUTO_PREFIX = new RegExp(
  '(automatic reply|auto[- ]?reply|auto[- ]?response|out of (the )?office( auto-?reply| reply)?|^auto|' +
    'automatische antwort|abwesenheitsnotiz|abwesenheit|réponse automatique|respuesta automática|' +
    'risposta automatica|automatisch antwoord|resposta automática|automatiskt svar|automatisk svar|autosvar|' +
    'odpowiedź automatyczna|automaattinen vastaus|automatická odpověď|automatikus válasz|automatiska atbilde|' +
    'automātiskā atbilde|автоматический ответ|自动回复|自動応答|자동 회신)$',
  'iu',
);
/** Whole subjects Exchange and Outlook rules write without a colon ("Out of Office reply", "Automatic Response"). */
const VENDOR_AUTO_SUBJECT = /^(out of (the )?office( auto-?reply| reply)?|automatic (reply|response)|auto-?reply)$/i;
/** Phrases that suggest an automatic reply or receipt; a person could write them, so never enough alone. */
const WEAK_AUTO_SUBJECT = new RegExp(
  '(out of (the )?office|vacation|on leave|away from|absence|abwesend|urlaub|acknowledge?ment of receipt|' +
    'empfangsbest|eingangsbest|lesebest|accusé de réception|acuse de recibo|' +
    'we have received your|thank you for (your|contacting)|automatische|automatic|autosvar|afwezig|frånvaro|' +
    'fuera de la oficina|fora do escritório|fuori ufficio|nieobecność)',
  'iu',
);

/** 'vendor' for a client's own automatic-reply subject, 'weak' for a suggestive one, else undefined. */
export function looksLikeAutoSubject(subject: string): 'vendor' | 'weak' | undefined {
  const s = subject.trim();
  const colon = s.indexOf(':');
  if (VENDOR_AUTO_SUBJECT.test(s)) return 'vendor';
  if (colon > 0 && colon <= 60 && VENDOR_AUTO_PREFIX.test(s.slice(0, colon).trim())) return 'vendor';
  return WEAK_AUTO_SUBJECT.test(s) ? 'weak' : undefined;
}

/** Subjects of non-delivery reports and delay warnings, in the servers' common wordings and languages. */
const BOUNCE_SUBJECT = new RegExp(
  '(undeliver|undelivered|failure delivery|non-?deliver|' +
    'delivery (status|failure|failed|has failed|notification|problem|' +
    'warning|delayed|incomplete|report)|failure notice|delivery to the following|returned mail|mail returned|' +
    'could not be delivered|couldn.t be delivered|not delivered|mail delivery|rejected|delayed mail|' +
    'mail system error|unzustellbar|nicht zustellbar|non remis|non recapitabile|onbestelbaar|' +
    'no se puede entregar|não entregue|nie dostarczono|kan inte levereras|olevererbart)',
  'i',
);

export function looksLikeBounceSubject(subject: string): boolean {
  return BOUNCE_SUBJECT.test(subject);
}

/** Mailbox names that servers send notifications from (a person's mailbox is never called this). */
const ROBOT_LOCAL = new RegExp(
  '^(mailer-?daemon|mail-?daemon|postmaster|post_master|mail\\.?delivery\\.?system|mail\\.?delivery|' +
    'no-?reply|no_reply|do-?not-?reply|donotreply|bounces?|automated[-_.]?notifications?|notifications?|' +
    'auto-?reply|autoresponder|mdaemon|nobody|root|mailadmin|mail-?admin|imss|.*_smtp_.*|.*antivirus.*)$',
  'i',
);
/** Names servers give themselves in From ("Mail Delivery Subsystem", "Webshield SMTP … Mail Service"). */
const ROBOT_NAME = new RegExp(
  '(mailer-?daemon|mail delivery (sub)?system|postmaster|mail administrator|system administrator|' +
    'mail service|delivery subsystem|antivirus|webshield|mail system|e-?mail gateway)',
  'i',
);

/** How the sender looks like a server (for the verdict's reason), or undefined. */
export function robotSender(address: string | undefined, rawFrom: string | undefined): string | undefined {
  const local = (address?.split('@')[0] ?? '').replace(/^"|"$|\\/g, '');
  if (ROBOT_LOCAL.test(local)) return `the sender ${local}@`;
  const name = `${(rawFrom ?? '').replace(/<[^>]*>/g, '')} ${local}`;
  const match = ROBOT_NAME.exec(name);
  return match ? `a sender named "${match[0]}"` : undefined;
}

/**
 * The opening lines mail servers write in a bounce, each with the server that writes it. Only
 * the top of the text is searched: a person who forwards or quotes a bounce writes above it.
 */
const BOUNCE_TEMPLATES: Array<[RegExp, string]> = [
  [/This is the mail system at host/i, 'Postfix'],
  [/This message was created automatically by mail delivery software/i, 'Exim'],
  [/This is the qmail-send program/i, 'qmail'],
  [/The original message was received at .{5,80}\sfrom\s/is, 'Sendmail'],
  [/Delivery has failed to these recipients or groups/i, 'Exchange'],
  [/Your message did not reach some or all of the intended recipients/i, 'Exchange'],
  [/Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen/i, 'Exchange, German'],
  [/Uw bericht kan niet worden bezorgd bij de volgende geadresseerden/i, 'Exchange, Dutch'],
  [/La remise aux destinataires ou groupes suivants a échoué/i, 'Exchange, French'],
  [/rejected your message to the following e-?mail addresses/i, 'Office 365'],
  [/Your message to \S+ couldn.t be delivered/i, 'Office 365'],
  [/\*\*\s*(Address not found|Delivery incomplete|Message not delivered|Message blocked)\s*\*\*/i, 'Gmail'],
  [/This is an automatically generated Delivery Status Notification/i, 'a DSN'],
  [/I was unable to deliver your message to the following addresses/i, 'Symantec Email Security'],
  [/The following message to <[^>]+> was undeliverable/i, 'a mail gateway'],
  [/Delivery to the following recipients? (failed|has been delayed)/i, 'Gmail, Exchange'],
  [/could not be delivered to one or more (of its )?recipients/i, 'a mail server'],
  [/I'm afraid I wasn't able to deliver your message/i, 'qmail'],
  [/Sorry, we were unable to deliver your message/i, 'a mail server'],
  [/Your message could not be delivered to/i, 'a mail gateway'],
  [/Votre message n.a pas pu (ê|e)tre (remis|d(é|e)livr(é|e))/i, 'a mail gateway, French'],
  [/Your message to <?[^\s@<>]+@[^\s<>]+>? was rejected/i, 'a mail server'],
];
/** The opening: the first lines with words in them (rules of stars and logos skipped), wrapped lines joined. */
const TOP_LINES = 4;
const TOP_CHARS = 800;

/** The server whose bounce text opens the message, or undefined. */
export function bounceTemplateAtTop(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const top = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /[\p{L}\p{N}]/u.test(line))
    .slice(0, TOP_LINES)
    .join(' ')
    .slice(0, TOP_CHARS);
  return BOUNCE_TEMPLATES.find(([pattern]) => pattern.test(top))?.[1];
}
