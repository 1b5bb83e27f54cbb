import type { DbOrTx } from '../../db/prisma.js';
import { termsOf, type OfferTerms } from '../../domain/offers/offer-terms.js';

export type OfferStatus =
  | 'DRAFT'
  | 'PENDING_APPROVAL'
  | 'CHANGES_REQUESTED'
  | 'NOT_APPROVED'
  | 'APPROVED'
  | 'SENT'
  | 'ACCEPTED'
  | 'DECLINED'
  | 'WITHDRAWN';

/** Offers still being worked on: a second one for the same application waits until this one ends. */
export const ACTIVE_OFFER: OfferStatus[] = ['DRAFT', 'PENDING_APPROVAL', 'CHANGES_REQUESTED', 'APPROVED', 'SENT'];

export type ChainView = {
  id: string;
  position: number;
  approver: { id: string; slackUserId: string; name: string };
  reason: string;
  decision: 'PENDING' | 'APPROVED' | 'CHANGES_REQUESTED' | 'REJECTED' | 'SUPERSEDED';
  comment: string | null;
  decidedAt: Date | null;
};

/** An offer with what its messages, its modal and its checks need, read now. */
export type OfferView = {
  id: string;
  status: OfferStatus;
  version: number;
  terms: OfferTerms | null;
  expiresAt: Date | null;
  sentAt: Date | null;
  answeredAt: Date | null;
  declineReason: string | null;
  handedOverAt: Date | null;
  createdBy: string | null;
  /** The current version's chain, in order. */
  chain: ChainView[];
  application: {
    id: string;
    version: number;
    stage: string;
    slackChannelId: string | null;
    slackMessageTs: string | null;
  };
  candidate: { name: string; timeZone: string | null; erased: boolean };
  role: { id: string; title: string; recruiter: string | null; hiringManager: string | null; policy: unknown };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadOffer(db: DbOrTx, offerId: string): Promise<OfferView | null> {
  // Ids arrive in button values: anything but a uuid names nothing.
  if (!UUID.test(offerId)) return null;
  const row = await db.offer.findUnique({
    where: { id: offerId },
    include: {
      createdBy: { select: { slackUserId: true } },
      approvals: {
        orderBy: [{ offerVersion: 'desc' }, { position: 'asc' }],
        include: { approver: { select: { id: true, slackUserId: true, name: true } } },
      },
      application: {
        select: {
          id: true,
          version: true,
          stage: true,
          slackChannelId: true,
          slackMessageTs: true,
          candidate: { select: { name: true, timeZone: true, erasedAt: true } },
          // Where the candidate said they are, when they said it in scheduling (and the candidate row has none).
          interviews: {
            where: { candidateZone: { not: null } },
            orderBy: { createdAt: 'desc' },
            take: 1,
            select: { candidateZone: true },
          },
          role: {
            select: {
              id: true,
              title: true,
              policy: true,
              recruiter: { select: { slackUserId: true } },
              hiringManager: { select: { slackUserId: true } },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const app = row.application;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    terms: termsOf(row.terms),
    expiresAt: row.expiresAt,
    sentAt: row.sentAt,
    answeredAt: row.answeredAt,
    declineReason: row.declineReason,
    handedOverAt: row.handedOverAt,
    createdBy: row.createdBy?.slackUserId ?? null,
    chain: row.approvals
      .filter((a) => a.offerVersion === row.version)
      .map((a) => ({
        id: a.id,
        position: a.position,
        approver: a.approver,
        reason: a.reason,
        decision: a.decision,
        comment: a.comment,
        decidedAt: a.decidedAt,
      })),
    application: {
      id: app.id,
      version: app.version,
      stage: app.stage,
      slackChannelId: app.slackChannelId,
      slackMessageTs: app.slackMessageTs,
    },
    candidate: {
      name: app.candidate.name,
      timeZone: app.candidate.timeZone ?? app.interviews[0]?.candidateZone ?? null,
      erased: app.candidate.erasedAt !== null,
    },
    role: {
      id: app.role.id,
      title: app.role.title,
      recruiter: app.role.recruiter?.slackUserId ?? null,
      hiringManager: app.role.hiringManager?.slackUserId ?? null,
      policy: app.role.policy,
    },
  };
}

/** Whose turn it is: the first step of the current version not yet approved, while pending. */
export function turnOf(offer: Pick<OfferView, 'status' | 'chain'>): ChainView | null {
  if (offer.status !== 'PENDING_APPROVAL') return null;
  return offer.chain.find((s) => s.decision !== 'APPROVED') ?? null;
}
