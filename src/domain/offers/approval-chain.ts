import { z } from 'zod';
import { formatMoney, type OfferTerms } from './offer-terms.js';

// Who approves an offer, in order: the role's approvers (its hiring manager when it names none),
// then, when the role sets a threshold, its extra approver for an offer above it (or in another
// currency than the threshold's, which cannot be compared). Someone listed twice approves once.

export const ZOfferPolicy = z.object({
  /** Slack ids, in the order they approve; none: the role's hiring manager. */
  approvers: z.array(z.string()).max(10).default([]),
  /** Above this base salary, `approver` approves too. */
  threshold: z
    .object({
      amount: z.string().regex(/^\d+(\.\d+)?$/),
      currency: z.string().regex(/^[A-Z]{3}$/),
      approver: z.string(),
    })
    .nullable()
    .default(null),
});
export type OfferPolicy = z.output<typeof ZOfferPolicy>;

export function offerPolicyOf(rolePolicy: unknown): OfferPolicy {
  const raw = (rolePolicy as { offer?: unknown } | null)?.offer;
  const parsed = ZOfferPolicy.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ZOfferPolicy.parse({});
}

/** A role's policy JSON with its offer part replaced, everything else kept. */
export function withOfferPolicy(rolePolicy: unknown, offer: OfferPolicy): object {
  const current = (rolePolicy && typeof rolePolicy === 'object' ? rolePolicy : {}) as object;
  return { ...current, offer };
}

export type ChainStep = { approver: string; reason: string };

/** Compares two decimal strings as numbers, exactly (no floats). */
function compareAmounts(a: string, b: string): number {
  const [aw = '', af = ''] = a.split('.');
  const [bw = '', bf = ''] = b.split('.');
  if (aw.length !== bw.length) return aw.length - bw.length;
  if (aw !== bw) return aw < bw ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const [x, y] = [af.padEnd(width, '0'), bf.padEnd(width, '0')];
  return x === y ? 0 : x < y ? -1 : 1;
}

export function approvalChain(
  policy: OfferPolicy,
  terms: Pick<OfferTerms, 'baseSalary' | 'currency'>,
  { hiringManager }: { hiringManager: string | null },
): ChainStep[] {
  const steps: ChainStep[] = policy.approvers.length
    ? policy.approvers.map((approver) => ({ approver, reason: 'the role’s approver' }))
    : hiringManager
      ? [{ approver: hiringManager, reason: 'the hiring manager' }]
      : [];
  const t = policy.threshold;
  if (t) {
    if (t.currency !== terms.currency)
      steps.push({
        approver: t.approver,
        reason: `in ${terms.currency}, not ${t.currency}: checked above the threshold`,
      });
    else if (compareAmounts(terms.baseSalary, t.amount) > 0)
      steps.push({ approver: t.approver, reason: `above ${formatMoney(t.amount, t.currency)}` });
  }
  return steps.filter((s, i) => steps.findIndex((x) => x.approver === s.approver) === i);
}
