import { DateTime } from 'luxon';
import type { OfferReply } from '../../domain/offers/offer-reply.js';
import { formatMoney, type OfferTerms } from '../../domain/offers/offer-terms.js';
import type { ChainView, OfferView } from '../../services/offers/load-offer.js';
import { ACTIONS } from '../ids.js';
import { fit } from './limits.js';
import { button, context, section } from './elements.js';
import { slackTime } from './slot-approval.js';
import { escapeMrkdwn } from './text.js';

type Message = { text: string; blocks: Record<string, unknown>[] };

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).toFormat('ccc d LLL yyyy');

/** The terms as the team reads them, every value escaped; notes only where `internal` is asked for. */
export function termLines(t: OfferTerms, { internal = false } = {}): string {
  return [
    `*${escapeMrkdwn(t.title)}*${t.level ? ` · ${escapeMrkdwn(t.level)}` : ''}`,
    `Base salary: *${formatMoney(t.baseSalary, t.currency)}* a year`,
    ...(t.bonus ? [`Bonus: ${escapeMrkdwn(t.bonus)}`] : []),
    ...(t.equity ? [`Equity: ${escapeMrkdwn(t.equity)}`] : []),
    `Start: ${day(t.startDate)}${t.location ? ` · ${escapeMrkdwn(t.location)}` : ''}`,
    `Open until: ${day(t.expiryDate)}`,
    ...(internal && t.notes ? [`_Notes for approvers:_ ${escapeMrkdwn(t.notes)}`] : []),
  ].join('\n');
}

const decisionWord: Record<ChainView['decision'], string> = {
  PENDING: 'waiting',
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'asked for changes',
  REJECTED: 'rejected',
  SUPERSEDED: 'not asked (the offer changed)',
};

/** The chain so far; approvers' comments only where `comments` is asked for (never in a channel). */
function chainLines(o: OfferView, { comments = true } = {}): string {
  return o.chain
    .map(
      (s, i) =>
        `${i + 1}. <@${s.approver.slackUserId}> (${escapeMrkdwn(s.reason)}): ${decisionWord[s.decision]}` +
        (comments && s.comment ? ` · “${escapeMrkdwn(fit(s.comment, 300))}”` : ''),
    )
    .join('\n');
}

const head = (o: OfferView, version = o.version) =>
  `Offer for ${escapeMrkdwn(o.candidate.name)} · ${escapeMrkdwn(o.role.title)} (version ${version})`;

/**
 * The direct message asking one approver for their decision, kept current: the terms (with the
 * notes for approvers), the chain so far, and Approve / Request changes / Reject while it is their
 * turn on the current version; afterwards, what they decided, or that the offer changed since.
 */
export function offerApprovalMessage(o: OfferView, approvalId: string, version: number): Message {
  const text = fit(`${head(o, version)}: your approval`, 3000);
  if (o.candidate.erased || !o.terms) return { text, blocks: [section('This offer’s candidate was erased.')] };
  const mine = o.chain.find((s) => s.id === approvalId);
  const value = `${approvalId}:${version}`;
  // Asked about an earlier version: its terms are gone; the current ones come in a message of their own.
  if (version !== o.version || !mine)
    return {
      text,
      blocks: [
        section(`*${head(o, version)}*`),
        context(`This offer was changed since (now version ${o.version}): the new terms come to you in turn.`),
      ],
    };
  const blocks: Record<string, unknown>[] = [section(`*${head(o)}*`), section(termLines(o.terms, { internal: true }))];
  blocks.push(section(`*Approvals*\n${chainLines(o)}`));
  const turn = o.status === 'PENDING_APPROVAL' && o.chain.find((s) => s.decision !== 'APPROVED')?.id === approvalId;
  if (turn)
    blocks.push({
      type: 'actions',
      block_id: `offer_${version}`,
      elements: [
        button(ACTIONS.offerApprove, 'Approve', value, 'primary', {
          title: 'Approve this offer?',
          text: 'It goes to the next approver, or, if you are the last, back to the recruiter to send.',
          yes: 'Approve',
        }),
        button(ACTIONS.offerRequestChanges, 'Request changes', value),
        button(ACTIONS.offerReject, 'Reject', value, 'danger'),
      ],
    });
  else if (mine.decision === 'PENDING' && o.status === 'PENDING_APPROVAL')
    blocks.push(context('Not your turn yet: you are asked once those before you have approved.'));
  else blocks.push(context(`You ${decisionWord[mine.decision]}. ${statusLine(o)}`));
  return { text, blocks };
}

/** Where an offer stands, in a sentence; a decline's reason only where `reason` is asked for. */
export function statusLine(o: OfferView, { reason = true } = {}): string {
  switch (o.status) {
    case 'PENDING_APPROVAL': {
      const turn = o.chain.find((s) => s.decision !== 'APPROVED');
      const n = o.chain.findIndex((s) => s.decision !== 'APPROVED') + 1;
      return turn
        ? `Waiting for <@${turn.approver.slackUserId}> (${n} of ${o.chain.length}).`
        : 'Waiting for approval.';
    }
    case 'CHANGES_REQUESTED':
      return 'Changes were asked for: edit the offer, and the approvals start again.';
    case 'NOT_APPROVED':
      return 'Not approved.';
    case 'APPROVED':
      return 'Approved by everyone: ready to send.';
    case 'SENT':
      return (
        `Sent ${o.sentAt ? slackTime(o.sentAt) : ''}; open until ${o.terms ? day(o.terms.expiryDate) : '?'}.` +
        (o.handedOverAt ? ' Unanswered after its expiry and two reminders: a person should call.' : '')
      );
    case 'ACCEPTED':
      return 'Accepted.';
    case 'DECLINED':
      return reason ? `Declined: ${escapeMrkdwn(o.declineReason ?? 'no reason given')}.` : 'Declined.';
    case 'WITHDRAWN':
      return 'Withdrawn: the application closed.';
    default:
      return 'Being drafted.';
  }
}

/**
 * The offer's line in the card's thread, kept current, with what can be done next. The channel
 * sees where it stands and who decided, never the terms, comments or a decline's reason: those
 * are behind "View offer", for the people who may decide about the candidate.
 */
export function offerStatusMessage(o: OfferView): Message {
  const text = fit(`${head(o)}: ${statusLine(o, { reason: false })}`, 3000);
  if (o.candidate.erased || !o.terms) return { text, blocks: [section('This offer’s candidate was erased.')] };
  const value = `${o.id}:${o.version}`;
  const blocks: Record<string, unknown>[] = [
    section(`*${head(o)}*`),
    ...(o.chain.length ? [section(`*Approvals*\n${chainLines(o, { comments: false })}`)] : []),
    context(statusLine(o, { reason: false })),
  ];
  const actions: Record<string, unknown>[] = [button(ACTIONS.viewOffer, 'View offer', o.id)];
  if (o.status === 'APPROVED')
    actions.push(
      button(ACTIONS.sendOffer, 'Send offer', value, 'primary', {
        title: 'Send the offer?',
        text: fit(
          `${o.candidate.name} gets these terms by email now, in their thread, signed with the team's signature.`,
          280,
        ),
        yes: 'Send',
      }),
    );
  if (['PENDING_APPROVAL', 'CHANGES_REQUESTED', 'APPROVED'].includes(o.status))
    actions.push(button(ACTIONS.editOffer, 'Edit offer', value));
  if (actions.length) blocks.push({ type: 'actions', block_id: `offer_status_${o.version}`, elements: actions });
  return { text, blocks };
}

/** "View offer": the terms, the notes for approvers, the comments and the outcome, in a modal. */
export function offerViewModal(o: OfferView) {
  const body = o.terms
    ? [
        section(termLines(o.terms, { internal: true })),
        ...(o.chain.length ? [section(`*Approvals*\n${chainLines(o)}`)] : []),
        context(statusLine(o)),
      ]
    : [section('This offer’s candidate was erased.')];
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: 'Offer' },
    close: { type: 'plain_text' as const, text: 'Close' },
    blocks: [section(`*${head(o)}*`), ...body],
  };
}

/** To whoever drafted it (and the recruiter): the chain's outcome for one version, kept current. */
export function offerOutcomeMessage(o: OfferView, version: number): Message {
  if (version !== o.version) {
    const text = fit(`${head(o, version)}: changed since`, 3000);
    return {
      text,
      blocks: [
        section(`*${head(o, version)}*`),
        context(`Since then the offer has changed (now version ${o.version}).`),
      ],
    };
  }
  const text = fit(`${head(o)}: ${statusLine(o)}`, 3000);
  if (o.candidate.erased || !o.terms) return { text, blocks: [section('This offer’s candidate was erased.')] };
  const blocks: Record<string, unknown>[] = [section(`*${head(o)}*\n${statusLine(o)}`)];
  // The approvers' comments (what to change, why not), when there are any.
  if (o.chain.some((s) => s.comment)) blocks.push(section(`*Approvals*\n${chainLines(o)}`));
  const value = `${o.id}:${o.version}`;
  if (o.status === 'APPROVED')
    blocks.push({ type: 'actions', elements: [button(ACTIONS.sendOffer, 'Send offer', value, 'primary')] });
  if (o.status === 'CHANGES_REQUESTED')
    blocks.push({ type: 'actions', elements: [button(ACTIONS.editOffer, 'Edit offer', value, 'primary')] });
  return { text, blocks };
}

const readingWords: Record<OfferReply['intent'], string> = {
  accepts: 'seems to accept',
  declines: 'seems to decline',
  wants_to_talk: 'wants to talk before deciding',
  other: 'wrote something that is not clearly an answer',
};

/**
 * "Grace replied to the offer: seems to accept." A person confirms with one click: Accepted
 * (hires them), Declined (asks for the reason), or Not an answer (someone replies by email).
 */
export function offerReplyQuestion({
  offerId,
  emailMessageId,
  candidateName,
  reading,
}: {
  offerId: string;
  emailMessageId: string;
  candidateName: string;
  reading: OfferReply | null;
}): Message {
  const name = escapeMrkdwn(candidateName);
  // What they wrote stays out of the channel (a reason for declining goes to the Declined form).
  const said = reading
    ? `${name} replied to the offer and ${readingWords[reading.intent]}.`
    : `${name} replied to the offer. Justin could not read it: read it in the mailbox.`;
  const value = `${offerId}:${emailMessageId}`;
  return {
    text: fit(`:envelope: ${said}`, 3000),
    blocks: [
      section(`:envelope: ${said}\nConfirm what they said; Justin never answers about an offer itself.`),
      {
        type: 'actions',
        elements: [
          button(ACTIONS.offerAccepted, 'Accepted: mark hired', value, 'primary', {
            title: 'They accepted?',
            text: fit(`${candidateName} is marked hired, and the role's channel is told.`, 280),
            yes: 'Mark hired',
          }),
          button(ACTIONS.offerDeclined, 'Declined', value, 'danger'),
          button(ACTIONS.offerNotAnswer, 'Not an answer', value),
        ],
      },
    ],
  };
}
