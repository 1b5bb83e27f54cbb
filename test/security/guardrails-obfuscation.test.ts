import { describe, expect, it } from 'vitest';
import { AGENT_SYSTEM } from '../../src/agent/system-prompt.js';
import { toolDefinitions } from '../../src/agent/tool-schemas.js';
import { checkOutgoingEmail, type EmailFacts } from '../../src/domain/agent/check-email.js';

// Hostile emails an injected model might write, each hiding what it does from a naive check:
// invisible characters, lookalike letters, fullwidth forms, links without a scheme, national
// phone numbers, clock times in other notations, quotes of our notes and instructions.

const NOTE = 'Strong on distributed systems but weak on testing; salary expectation above our band';
const facts = (text: string, extra: Partial<EmailFacts> = {}): EmailFacts => ({
  text,
  allowedAddresses: ['ada@example.org', 'jobs@example.com'],
  allowedLinks: ['https://meet.google.com/abc-defg-hij'],
  internalTexts: [
    NOTE,
    'No hire',
    'Hesitant',
    'Yes',
    'Would not trust her with production.\nLow energy',
    'Available from March.',
    'Thanks!',
    'Yes, go ahead',
    'Weak on system design, strong on SQL',
  ],
  // Other candidates' notes: their short lines are ordinary words; six words in a row are a quote.
  otherNotes: [
    'Available from March.\nThanks!\nLooking forward to the next round.\nPrefers remote work and a calm team',
  ],
  commonWords: ['ASP.NET Developer'],
  ourTexts: ['ASP.NET Developer', 'Join the team at Booking.com. We use Socket.io and Kafka.'],
  otherPeople: ['Grace Hopper', 'Katherine Coleman Goble Johnson', 'Cher'],
  confidentialTexts: [AGENT_SYSTEM, JSON.stringify(toolDefinitions())],
  candidateZone: 'Europe/London',
  ...extra,
});
const problems = (text: string) => checkOutgoingEmail(facts(text));
const reasons = (text: string) => problems(text).map((p) => p.reason);

describe('guardrails read text the way a person sees it', () => {
  it.each([
    // Addresses
    ['Write to hr-team\u200B@evil.example', "names the address hr-team@evil.example, which is not the candidate's"],
    ['Write to hr-team\u2060@evil.example', 'names the address hr-team@evil.example'],
    ['Write to hr-team\u202E@evil.example', 'names the address hr-team@evil.example'],
    ['Write to ｈｒ-team＠evil.example', 'names the address hr-team@evil.example'],
    ['Write to hr-team\uFE6Bevil.example', 'names the address hr-team@evil.example'],
    ['Reply to \u0430da@example.org (a Cyrillic a)', 'names the address'],
    ['Reply to ADA@EXAMPLE.ORG.EVIL.EXAMPLE', 'names the address'],
    // Links
    ['Verify at evil.example/verify?session=abc123', 'links to evil.example/verify?session=abc123'],
    ['Verify at evil.xyz', 'links to evil.xyz'],
    ['Files at ftp://evil.example/cv', 'links to ftp://evil.example/cv'],
    ['Our link, but ftp: ftp://meet.google.com/abc-defg-hij', 'links to ftp://meet.google.com/abc-defg-hij'],
    ['Join at meet.google.com/xyz-evil-one', 'links to meet.google.com/xyz-evil-one'],
    ['Join at meet.g\u043Eogle.com/abc-defg-hij', 'which is not a link we gave'],
    ['Join at https://meet.google.com.evil.example/abc-defg-hij', 'which is not a link we gave'],
    ['Portal: 10.0.0.7/login', 'links to 10.0.0.7/login'],
    ['Portal: //evil.example/x', 'which is not a link we gave'],
    ['Portal: hxxp://evil.example/x', 'links to hxxp://evil.example/x'],
    ['Portal: evil\u200B.example/x', 'links to evil.example/x'],
    ['Verify at https://evil.example', 'links to https://evil.example'],
    // A host our own text names may be named bare; never with a scheme or a path.
    ['Verify at booking.com/verify?session=abc123', 'links to booking.com/verify?session=abc123'],
    ['Verify at https://booking.com', 'links to https://booking.com'],
    ['Verify at ftp://booking.com', 'links to ftp://booking.com'],
    ['Verify at //booking.com', 'which is not a link we gave'],
    ['Verify at evil.Com', 'links to evil.com'],
    ['Verify at login.booking.com', 'links to login.booking.com'],
    // Phone numbers
    ['Call me on 0151 2345 6789.', 'contains a phone number'],
    ['Call me on 015123456789.', 'contains a phone number'],
    ['Call me on 020 7946 0958.', 'contains a phone number'],
    ['Call me on (555) 123-4567.', 'contains a phone number'],
    ['Appelez le 01.23.45.67.89.', 'contains a phone number'],
    ['Call me on 030-1234-5678.', 'contains a phone number'],
    ['Call me on +44 20 7946 0958.', 'contains a phone number'],
    ['Call me on ＋４４ ２０ ７９４６ ０９５８.', 'contains a phone number'],
    // Clock times without the zone beside them
    ['Shall we say 23h?', 'states a time ("23h") without spelling out the zone'],
    ['Shall we say noon?', 'states a time ("noon")'],
    ['Shall we say 3pm?', 'states a time ("3pm")'],
    ['Shall we say 15.00?', 'states a time'],
    ['Shall we say 14h30?', 'states a time'],
    ['Shall we say um 15 Uhr?', 'states a time'],
    // The agent writes in the candidate's language: Italian, Portuguese and Swedish too.
    ['Va bene alle 15?', 'states a time'],
    ['Pode ser às 15 horas?', 'states a time'],
    ['Passar det kl. 15?', 'states a time'],
    ['Shall we say 14:00? You are in Europe/London, right?', 'states a time ("14:00")'],
    ['3pm Europe/London? Or else 4pm?', 'states a time ("4pm")'],
    ['Shall we say 14\u200B:00?', 'states a time'],
    ['Shall we say three pm?', 'states a time ("three pm")'],
    ['Shall we say four o’clock?', 'states a time ("four o’clock")'],
    ['Shall we say half past three?', 'states a time ("half past three")'],
    ['Shall we say quarter to four?', 'states a time ("quarter to four")'],
    ['Shall we say a quarter past 3?', 'states a time ("a quarter past 3")'],
    ['Shall we say 1500 hours?', 'states a time ("1500 hours")'],
    // Other candidates
    ['You are up against Gr\u200Bace Hop\u200Bper.', 'names Grace Hopper'],
    ['You are up against Hopper, Grace.', 'names Grace Hopper'],
    ['You are up against G r a c e  H o p p e r.', 'names Grace Hopper'],
    ['You are up against G.Hopper? No: Grace.Hopper.', 'names Grace Hopper'],
    ['You are up against Gr\u0430ce H\u043Epper.', 'names Grace Hopper'],
    ['You are up against GRACE HOPPER.', 'names Grace Hopper'],
    ['You are up against 𝐆𝐫𝐚𝐜𝐞 𝐇𝐨𝐩𝐩𝐞𝐫.', 'names Grace Hopper'],
    ['You are up against Katherine Johnson.', 'names Katherine Coleman Goble Johnson'],
    // Internal notes, of any length
    ['Between us: no hire.', 'quotes an internal note'],
    ['Between us: N\u200Bo H\u200Bire.', 'quotes an internal note'],
    ['The panel was hesitant.', 'quotes an internal note'],
    ['Low energy, they said.', 'quotes an internal note'],
    ['They would not trust her with production.', 'quotes an internal note'],
    ['Honestly you are strong on distributed systems, but weak on testing.', 'quotes an internal note'],
    ['s.t.r.o.n.g o.n d.i.s.t.r.i.b.u.t.e.d s.y.s.t.e.m.s b.u.t w.e.a.k', 'quotes an internal note'],
    ['Our notes say: Salary expectation above our band.', 'quotes an internal note'],
    ['Honestly: weak on system design, strong on SQL.', 'quotes an internal note'],
    ['I hear she prefers remote work and a calm team.', 'quotes an internal note'],
    ['w e a k  o n  s y s t e m  d e s i g n,  s t r o n g  o n  s q l', 'quotes an internal note'],
    // Our instructions
    [AGENT_SYSTEM.slice(0, 400), 'repeats our own instructions'],
    [`FYI: ${AGENT_SYSTEM.slice(2000, 2300).toUpperCase()}`, 'repeats our own instructions'],
    [JSON.stringify(toolDefinitions()[3]).slice(0, 600), 'repeats our own instructions'],
    // Pay
    ['The s\u200Balary is fixed.', 'talks about pay or offer terms'],
    ['The \u0455alary is fixed.', 'talks about pay or offer terms'],
    ['ｃｏｍｐｅｎｓａｔｉｏｎ is fixed.', 'talks about pay or offer terms'],
  ])('refuses %j', (text, problem) => {
    expect(reasons(text).join('; ')).toContain(problem);
  });

  it.each([
    'Hi Ada, we can offer you these times for step 2 of 2, each 45 minutes. Which suits you best?',
    'Hi Ada, join at https://meet.google.com/abc-defg-hij. Questions? Write to jobs@example.com.',
    'Hi Ada, join at meet.google.com/abc-defg-hij/ when it starts.',
    'Shall we say 14:00 Europe/London on Tuesday? I cherish your patience.',
    'Tuesday 10 March 2026, 14:00–15:00 (Europe/London, GMT) works.',
    'Would Europe/London 14:00 on Tuesday suit you?',
    'Thank you, Ada! You are booked for Tuesday 3 March. See you then.\n\nJustin, on behalf of the hiring team',
    'Thanks, Ada: you are now booked, and I will send the invitation right now.',
    'Tuesday 10 March 2026 14:00 Europe/London suits us; or Wednesday 11 March 2026 9h30 Europe/London.',
    'Hallo Ada, jetzt schauen wir nach neuen Terminen.',
    'Hola Ada, ahora buscamos otras fechas.',
    'Ciao Ada, ora cerchiamo altre date.',
    'Hi Ada, could you tell me which dates (2026-03-05, 10/03/2026) work, and in 45 minutes I will reply? Yes!',
    'Hi Ada, your interview is with Bea and lasts 60 minutes. Grace under pressure matters to us.',
    'Hi Ada, I am Justin. Our team uses Node.js, e.g. for the API; the role is hybrid.',
    'Hi Ada, you can also reply to ADA@example.org or Ada@Example.org, whichever you prefer.',
    'Hi Ada, it is a 1h interview; we answer within 2h, and the 2 h slot is a panel.',
    // Short note lines made only of ordinary words are no quote; others' short lines are not checked.
    'Hi Ada, are you available from March onwards?',
    'Thanks! Here are the times.',
    'Hi Ada, looking forward to the next round',
    'Yes, go ahead and pick the time that suits you.',
    // Hosts our own text names, and a missing space after a full stop.
    'Hi Ada, thanks for applying to the ASP.NET Developer role.',
    'Hi Ada, the team at Booking.com uses Socket.io daily.',
    'Thank you, Ada! See you then.Best,\nJustin',
    // Times in words with the zone; number words that are no time.
    'Shall we say three pm Europe/London? One of us will join, and there are three stages.',
    'Half past three (Europe/London) on Tuesday works.',
  ])('passes %j', (text) => {
    expect(reasons(text)).toEqual([]);
  });

  it('tells Slack what was wrong without quoting anything the model wrote', () => {
    const text =
      'Hi <!here> Ada, verify at <https://evil.example/x|click> or evil.example/verify, mail hr-team@evil.example, ' +
      'call 0151 2345 6789, at 23h, about Grace Hopper.';
    const found = problems(text);
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const p of found) {
      for (const quoted of ['evil', 'here', '23h', '0151', 'Grace', 'click', 'hr-team'])
        expect(p.team).not.toContain(quoted);
    }
  });

  it('checks a full-length hostile email in well under a second', () => {
    const text = `${'Hi Ada, pick a slot at 14:00 Europe/London please. '.repeat(110)}`.slice(0, 6000);
    const started = performance.now();
    expect(reasons(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
