import { describe, expect, it } from 'vitest';
import { visibleReply } from '../../src/mail/reply-text.js';

// One case per habit the rules name (quote-markers.ts, sign-offs.ts, reply-text.ts), in the
// languages applicants write in; the corpus suites (reply-corpus.test.ts) measure them at large.
const cases: Array<[habit: string, mail: string, reply: string]> = [
  [
    'Gmail, English',
    'Tuesday works.\n\nOn Mon, 9 Mar 2026 at 10:00, Justin <jobs@x.com> wrote:\n> Which day?',
    'Tuesday works.',
  ],
  [
    'Gmail, German',
    'Dienstag passt.\n\nAm Mo., 9. März 2026 um 10:00 Uhr schrieb Justin <jobs@x.com>:\n> Wann?',
    'Dienstag passt.',
  ],
  [
    'Gmail, French',
    'Mardi me va.\n\nLe lun. 9 mars 2026 à 10:00, Justin <jobs@x.com> a écrit :\n> Quand ?',
    'Mardi me va.',
  ],
  [
    'Gmail, Polish',
    'Wtorek pasuje.\n\nW dniu 9.03.2026 o 10:00 Justin <jobs@x.com> napisał:\n> Kiedy?',
    'Wtorek pasuje.',
  ],
  [
    'Gmail, Spanish',
    'El martes me va bien.\n\nEl lun, 9 mar 2026 a las 10:00, Justin (<jobs@x.com>) escribió:\n> ¿Cuándo?',
    'El martes me va bien.',
  ],
  ['Gmail on Android, no colon', 'Gerne.\nAm 20.06.24 um 16:20 schrieb Acme Recruiting\nVon: Acme', 'Gerne.'],
  [
    'a header wrapped over three lines (French)',
    'C\'est parfait !\nLe 4 janv. 2026 19:03, "Justin"\n<jobs@x.com>\na écrit :\n\n> Quand ?',
    "C'est parfait !",
  ],
  [
    'Outlook header table, Dutch',
    'Dinsdag is goed.\n\nVan: Justin <jobs@x.com>\nVerzonden: maandag 9 maart 2026 10:00\nAan: Ada\nOnderwerp: Gesprek',
    'Dinsdag is goed.',
  ],
  [
    'Outlook header table, Swedish, under underscores',
    'Tisdag passar.\n\n________________________________\nFrån: Justin\nSkickat: den 9 mars 2026\nTill: Ada\n' +
      'Ämne: Intervju',
    'Tisdag passar.',
  ],
  [
    'Yahoo: the fields run on',
    'Tuesday.\n\nFrom: Justin <jobs@x.com> Sent: Monday To: Ada Subject: Interview',
    'Tuesday.',
  ],
  [
    '"-----Original Message-----", Italian',
    'Martedì va bene.\n\n-----Messaggio originale-----\nDa: Justin',
    'Martedì va bene.',
  ],
  ['"Sent from my iPhone", Portuguese', 'Terça-feira está ótimo.\n\nEnviado do meu iPhone', 'Terça-feira está ótimo.'],
  ['"Get Outlook for Android"', 'Tuesday is fine.\n\nGet Outlook for Android<https://aka.ms/x>', 'Tuesday is fine.'],
  ['a phone line first', 'Sent from my iPhone\n\nTuesday is fine.', 'Tuesday is fine.'],
  ['a gateway banner', 'CAUTION: EXTERNAL SENDER - do not click links.\n\nTuesday is fine.', 'Tuesday is fine.'],
  [
    'a signature block after the sign-off, Dutch',
    'Dinsdag is goed.\n\nMet vriendelijke groeten,\nRichard Lindhout\nSenior Engineer | Acme BV\n+31 20 123 4567',
    'Dinsdag is goed.\n\nMet vriendelijke groeten,\nRichard Lindhout',
  ],
  [
    'a disclaimer after the sign-off, German',
    'Dienstag passt.\n\nViele Grüße\nEva\n\nDiese E-Mail enthält vertrauliche Informationen.',
    'Dienstag passt.\n\nViele Grüße\nEva',
  ],
  [
    'a P.S. after the sign-off stays',
    'Tuesday works.\n\nThanks,\nAda\n\nP.S. I can also do Wednesday.',
    'Tuesday works.\n\nThanks,\nAda\n\nP.S. I can also do Wednesday.',
  ],
  [
    'an inline answer below the quote stays',
    'Hi,\nOn Mon, 9 Mar 2026 at 10:00, Justin <jobs@x.com> wrote:\n> Which day?\n\nTuesday works.',
    'Tuesday works.',
  ],
  [
    'a footer under a rule of dots',
    'Tuesday works.\n\n. . . . . . . .\nAcme Ltd is registered in Malta.',
    'Tuesday works.',
  ],
  [
    'a thank-you mid-reply is not a sign-off',
    'Thanks!\nAlso, could we do Tuesday at 10?',
    'Thanks!\nAlso, could we do Tuesday at 10?',
  ],
];

describe('visibleReply', () => {
  it.each(cases)('%s', (_habit, mail, reply) => expect(visibleReply(mail)).toContain(reply));

  it.each(cases.filter(([habit]) => !habit.includes('inline')))(
    '%s: nothing of the history is left',
    (_h, mail, reply) => expect(visibleReply(mail)).toBe(reply),
  );

  it('stays linear on hostile input (a megabyte of quote headers, sign-offs or phone lines)', () => {
    for (const line of ['On Mon, 9 Mar 2026 at 10:00, x@y.z wrote:', 'Thanks,', 'Sent from my iPhone', 'From: a']) {
      const started = performance.now();
      visibleReply(`Hello\n${`${line}\n`.repeat(1_000_000 / line.length)}`);
      expect(performance.now() - started, line).toBeLessThan(2_000);
    }
  });
});
