import { DateTime } from 'luxon';
import { formatMoney, type OfferTerms } from './offer-terms.js';

// The offer email and its reminder, written by code from the approved terms: the model never
// writes or changes what is offered. Notes stay internal.

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).toFormat('cccc d LLLL yyyy');

export function offerEmail(
  terms: OfferTerms,
  { firstName, roleTitle, signature }: { firstName: string; roleTitle: string; signature: string },
): string {
  const lines = [
    `Job title: ${terms.title}${terms.level ? ` (${terms.level})` : ''}`,
    `Base salary: ${formatMoney(terms.baseSalary, terms.currency)} a year`,
    ...(terms.bonus ? [`Bonus: ${terms.bonus}`] : []),
    ...(terms.equity ? [`Equity: ${terms.equity}`] : []),
    `Start date: ${day(terms.startDate)}`,
    ...(terms.location ? [`Location: ${terms.location}`] : []),
  ];
  return [
    `Hi ${firstName},`,
    '',
    `We are delighted to offer you the ${roleTitle} role. These are the terms:`,
    '',
    ...lines.map((l) => `- ${l}`),
    '',
    `The offer stands until ${day(terms.expiryDate)}. Reply to this email to accept it, or if you would like ` +
      'to talk anything through first.',
    '',
    signature,
  ].join('\n');
}

export function offerReminderEmail(
  terms: OfferTerms,
  { firstName, roleTitle, signature }: { firstName: string; roleTitle: string; signature: string },
): string {
  return [
    `Hi ${firstName},`,
    '',
    `We have not heard from you about our offer for the ${roleTitle} role, which was open until ` +
      `${day(terms.expiryDate)}. Are you still interested? A short reply is enough, and if you need more time ` +
      'or would like to talk, say so and someone from the team will be in touch.',
    '',
    signature,
  ].join('\n');
}
