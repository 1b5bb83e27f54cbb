import { describe, expect, it } from 'vitest';
import { checkOutgoingEmail, type EmailFacts } from '../../../src/domain/agent/check-email.js';

const facts = (text: string, extra: Partial<EmailFacts> = {}): EmailFacts => ({
  text,
  allowedAddresses: ['ada@example.org', 'jobs@example.com'],
  allowedLinks: ['https://meet.google.com/abc-defg-hij'],
  internalTexts: ['Strong on distributed systems but weak on testing; salary expectation above our band'],
  otherPeople: ['Grace Hopper', 'Cher'],
  candidateZone: 'Europe/London',
  ...extra,
});

describe('checkOutgoingEmail', () => {
  it('passes scheduling words near the pay rule: times we offer, a 2-step process, 45 minutes', () => {
    expect(
      checkOutgoingEmail(
        facts('Hi Ada, we can offer you these times for step 2 of 2, each 45 minutes. Which suits you best?'),
      ),
    ).toEqual([]);
  });

  it('passes a plain scheduling email, our Meet link and our own address', () => {
    expect(
      checkOutgoingEmail(
        facts('Hi Ada, join at https://meet.google.com/abc-defg-hij. Questions? Write to jobs@example.com.'),
      ),
    ).toEqual([]);
  });
  it.each([
    ['Reply to recruiter@other.example instead.', 'it names the address recruiter@other.example'],
    ['Pick a time at https://calendly.example/x', 'it links to https://calendly.example/x'],
    ['See www.evil.example for details', 'it links to www.evil.example'],
    ['Call me on +44 20 7946 0958.', 'it contains a phone number'],
    ['You are up against Grace  Hopper.', 'it names Grace Hopper'],
    ['Honestly you are strong on distributed systems but weak on testing.', 'it quotes an internal note'],
    ['Shall we say 14:00 on Tuesday?', 'without spelling out the zone (Europe/London)'],
    ['How about 3pm?', 'it states a time ("3pm") without spelling out the zone'],
    ['The salary for this role is competitive.', 'it talks about pay or offer terms'],
    ['We could go to €95,000 if you join.', 'it talks about pay or offer terms'],
    ['The band tops out at 95k.', 'it talks about pay or offer terms'],
    ['There is a 10% bonus and equity.', 'it talks about pay or offer terms'],
    ['We offer 120000 EUR.', 'it talks about pay or offer terms'],
  ])('refuses %j', (text, problem) => {
    expect(
      checkOutgoingEmail(facts(text))
        .map((p) => p.reason)
        .join('; '),
    ).toContain(problem);
  });
  it('accepts a time with the zone spelled out, and a one-word name that is also a common word', () => {
    expect(checkOutgoingEmail(facts('Shall we say 14:00 Europe/London on Tuesday? I cherish your patience.'))).toEqual(
      [],
    );
  });

  it('reads a short line of a note as a quote only when it says something beyond common words', () => {
    const own = facts(
      'Hi Ada, thanks for applying to the Senior Data Engineer role. Looking forward to the next round',
      {
        internalTexts: ['Senior data engineer', 'Thanks!', 'Yes, go ahead'],
        otherNotes: ['Looking forward to the next round.', 'Available from March.'],
      },
    );
    expect(checkOutgoingEmail(own).map((p) => p.reason)).toEqual(['it quotes an internal note']);
    expect(checkOutgoingEmail({ ...own, commonWords: ['Senior Data Engineer'] })).toEqual([]);
    // Another candidate's note counts from six words in a row that say something.
    const quote = facts('Hi Ada, the panel said: prefers remote work and a calm team.', {
      otherNotes: ['Prefers remote work and a calm team'],
    });
    expect(checkOutgoingEmail(quote).map((p) => p.reason)).toEqual(['it quotes an internal note']);
    expect(checkOutgoingEmail({ ...quote, otherNotes: ['Calm team'] })).toEqual([]);
  });

  it('allows a bare host named in our own text, never with a scheme or a path', () => {
    const ours = { ourTexts: ['ASP.NET developer at Booking.com'] };
    expect(checkOutgoingEmail(facts('Hi Ada, the ASP.NET developer role at Booking.com.', ours))).toEqual([]);
    const without = checkOutgoingEmail(facts('Hi Ada, the ASP.NET developer role at Booking.com.'));
    expect(without.map((p) => p.reason).join('; ')).toContain('it links to asp.net');
    expect(checkOutgoingEmail(facts('Log in at https://booking.com/login', ours)).map((p) => p.reason)).toEqual([
      'it links to https://booking.com/login, which is not a link we gave',
    ]);
  });
});
