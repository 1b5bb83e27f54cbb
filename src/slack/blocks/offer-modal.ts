import { CURRENCIES, type OfferTerms } from '../../domain/offers/offer-terms.js';
import { ACTIONS } from '../ids.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: escapePlainText(text) });
const option = (text: string, value: string) => ({ text: plain(text), value });
const currencyOptions = CURRENCIES.map((c) => option(c, c));

function input(block_id: string, label: string, element: Record<string, unknown>, optional = false, hint?: string) {
  return {
    type: 'input',
    block_id,
    label: plain(label),
    optional,
    element: { action_id: 'value', ...element },
    ...(hint ? { hint: plain(hint) } : {}),
  };
}
const textField = (max: number, value: string | undefined, extra: Record<string, unknown> = {}) => ({
  type: 'plain_text_input',
  max_length: max,
  ...extra,
  ...(value ? { initial_value: fit(value, max) } : {}),
});

/** What the offer modal carries back on submit (view.private_metadata). */
export type OfferModalMetadata = { applicationId: string; offerId?: string; version?: number };

/**
 * The offer's terms: a new offer (the role's title filled in), or an edit of one, filled in with
 * the terms as they stand. Submitting an edit starts the approvals again.
 */
export function offerModal({
  applicationId,
  candidateName,
  roleTitle,
  existing,
}: {
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  existing?: { offerId: string; version: number; terms: OfferTerms };
}) {
  const t = existing?.terms;
  const metadata: OfferModalMetadata = existing
    ? { applicationId, offerId: existing.offerId, version: existing.version }
    : { applicationId };
  const currency = currencyOptions.find((o) => o.value === (t?.currency ?? 'EUR'));
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.offerSubmit,
    private_metadata: JSON.stringify(metadata),
    title: plain(existing ? 'Edit offer' : 'Make offer'),
    submit: plain(existing ? 'Save and re-approve' : 'Ask for approval'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: fit(
            `Offer for *${escapeMrkdwn(candidateName)}* · ${escapeMrkdwn(roleTitle)}. The approvers see it first; ` +
              'the candidate gets it by email only when someone clicks Send after the last approval.',
            LIMITS.sectionText,
          ),
        },
      },
      input('title', 'Job title', textField(120, t?.title ?? roleTitle)),
      input('level', 'Level', textField(60, t?.level, { placeholder: plain('e.g. Senior, L4') }), true),
      input('base_salary', 'Base salary (a year)', textField(20, t?.baseSalary, { placeholder: plain('e.g. 95,000') })),
      input('currency', 'Currency', {
        type: 'static_select',
        options: currencyOptions,
        ...(currency ? { initial_option: currency } : {}),
      }),
      input('bonus', 'Bonus', textField(200, t?.bonus, { placeholder: plain('e.g. up to 10% a year') }), true),
      input(
        'equity',
        'Equity',
        textField(200, t?.equity, { placeholder: plain('e.g. 2,000 options, 4-year vesting') }),
        true,
      ),
      input('start_date', 'Start date', { type: 'datepicker', ...(t ? { initial_date: t.startDate } : {}) }),
      input('location', 'Location or remote', textField(120, t?.location), true),
      input(
        'expiry_date',
        'Open until',
        { type: 'datepicker', ...(t ? { initial_date: t.expiryDate } : {}) },
        false,
        'After this date, Justin reminds the candidate twice on their business days, then hands over to the recruiter.',
      ),
      input(
        'notes',
        'Notes for the approvers',
        textField(2000, t?.notes, { multiline: true }),
        true,
        'Never sent to the candidate.',
      ),
    ],
  };
}

/** An approver's comment before asking for changes or rejecting (the drafter reads it). */
export function offerDecisionModal({
  approvalId,
  version,
  decision,
}: {
  approvalId: string;
  version: number;
  decision: 'CHANGES_REQUESTED' | 'REJECTED';
}) {
  const changes = decision === 'CHANGES_REQUESTED';
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.offerDecisionSubmit,
    private_metadata: JSON.stringify({ approvalId, version, decision }),
    title: plain(changes ? 'Request changes' : 'Reject offer'),
    submit: plain(changes ? 'Send back' : 'Reject'),
    close: plain('Cancel'),
    blocks: [
      input(
        'comment',
        changes ? 'What should change?' : 'Why not?',
        textField(1000, undefined, { multiline: true }),
        !changes,
        'Whoever drafted the offer and the recruiter read it. The candidate never does.',
      ),
    ],
  };
}

/** The team confirms the candidate declined: the reason is kept with the offer. */
export function offerDeclineModal({ offerId, reason }: { offerId: string; reason?: string | null }) {
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.offerDeclineSubmit,
    private_metadata: offerId,
    title: plain('Offer declined'),
    submit: plain('Confirm'),
    close: plain('Cancel'),
    blocks: [
      input(
        'reason',
        'Why they declined',
        textField(500, reason ?? undefined, { multiline: true }),
        false,
        'Kept with the offer. The application closes as withdrawn.',
      ),
    ],
  };
}
