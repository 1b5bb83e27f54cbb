import { describe, expect, it } from 'vitest';
import type { OfferTerms } from '../../../src/domain/offers/offer-terms.js';
import { decideApproval } from '../../../src/services/offers/decide-approval.js';
import { draftOffer } from '../../../src/services/offers/draft-offer.js';
import { sendOffer } from '../../../src/services/offers/send-offer.js';
import { settleOffer } from '../../../src/services/offers/settle-offer.js';
import { WORKSPACE_SETTINGS } from '../../../src/services/settings/workspace-settings.js';
import { closeApplication } from '../../../src/services/pipeline/close-application.js';
import { createInterviewSetup } from '../../factories/index.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);
const now = new Date('2027-03-10T10:00:00Z');
const terms: OfferTerms = {
  title: 'Engineer',
  level: '',
  baseSalary: '90000',
  currency: 'EUR',
  bonus: '',
  equity: '',
  startDate: '2027-05-03',
  location: '',
  expiryDate: '2027-03-19',
  notes: '',
};

/** An application at the offer stage whose role's offers Hugo, then Ada, approve; a drafted offer. */
async function drafted() {
  const setup = await createInterviewSetup(db.prisma, {
    people: [{ name: 'Hugo' }, { name: 'Ada' }, { name: 'Rita' }],
  });
  const [hugo, ada, rita] = setup.users as [(typeof setup.users)[0], (typeof setup.users)[0], (typeof setup.users)[0]];
  await db.prisma.role.update({
    where: { id: setup.role.id },
    data: {
      hiringManagerId: hugo.id,
      recruiterId: rita.id,
      policy: { offer: { approvers: [hugo.slackUserId, ada.slackUserId], threshold: null } },
    },
  });
  await db.prisma.application.update({
    where: { id: setup.application.id },
    data: { stage: 'OFFER', planPosition: null },
  });
  const deps = { prisma: db.prisma, boss: q.boss };
  const out = await draftOffer(deps, {
    applicationId: setup.application.id,
    terms,
    actorSlackId: rita.slackUserId,
    slackTeamId: 'T0TEAM',
    now,
  });
  if (!out.ok || !out.offerId) throw new Error(`not drafted: ${JSON.stringify(out)}`);
  const chain = () =>
    db.prisma.offerApproval.findMany({
      where: { offerId: out.offerId! },
      orderBy: [{ offerVersion: 'asc' }, { position: 'asc' }],
    });
  return { ...setup, hugo, ada, rita, deps, offerId: out.offerId, chain };
}

describe('offer approvals', () => {
  it('are decided in turn, by their approver, once; an edit restarts them; the old step is told so', async () => {
    const { hugo, ada, rita, deps, offerId, chain, application } = await drafted();
    const [first, second] = await chain();
    const decide = (
      approvalId: string,
      slackUserId: string,
      version = 1,
      decision: 'APPROVED' | 'REJECTED' = 'APPROVED',
    ) => decideApproval(deps, { approvalId, version, decision, slackUserId, now });
    expect(await decide(second!.id, ada.slackUserId)).toEqual({
      ok: false,
      told: expect.stringMatching(/not your turn/),
    });
    expect(await decide(first!.id, ada.slackUserId)).toEqual({
      ok: false,
      told: expect.stringMatching(/someone else/),
    });
    // A double click: one decision.
    const both = await Promise.all([decide(first!.id, hugo.slackUserId), decide(first!.id, hugo.slackUserId)]);
    expect(both.filter((b) => b.ok)).toHaveLength(1);
    expect(both.find((b) => !b.ok)).toEqual({ ok: false, told: expect.stringMatching(/already decided/) });
    expect(
      await db.prisma.applicationEvent.count({ where: { applicationId: application.id, type: 'offer.approval' } }),
    ).toBe(1);

    const edited = await draftOffer(deps, {
      applicationId: application.id,
      offerId,
      expectedVersion: 1,
      terms: { ...terms, baseSalary: '92000' },
      actorSlackId: rita.slackUserId,
      slackTeamId: 'T0TEAM',
      now,
    });
    expect(edited).toEqual({ ok: true, offerId });
    // A second edit from the form opened at version 1 is refused on its field.
    expect(
      await draftOffer(deps, {
        applicationId: application.id,
        offerId,
        expectedVersion: 1,
        terms,
        actorSlackId: rita.slackUserId,
        slackTeamId: 'T0TEAM',
        now,
      }),
    ).toEqual({ ok: false, errors: { title: expect.stringMatching(/changed this offer/) } });
    expect(await decide(second!.id, ada.slackUserId)).toEqual({ ok: false, told: expect.stringMatching(/version 2/) });
    expect((await chain()).map((a) => [a.offerVersion, a.position, a.decision])).toEqual([
      [1, 0, 'APPROVED'],
      [1, 1, 'SUPERSEDED'],
      [2, 0, 'PENDING'],
      [2, 1, 'PENDING'],
    ]);
  });

  it('an approval racing a rejection: one of them decides', async () => {
    const { hugo, deps, offerId, chain } = await drafted();
    const [first] = await chain();
    const [a, b] = await Promise.all([
      decideApproval(deps, {
        approvalId: first!.id,
        version: 1,
        decision: 'APPROVED',
        slackUserId: hugo.slackUserId,
        now,
      }),
      decideApproval(deps, {
        approvalId: first!.id,
        version: 1,
        decision: 'REJECTED',
        slackUserId: hugo.slackUserId,
        now,
      }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const offer = await db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } });
    // The offer agrees with the decision that won: approved goes on to Ada; rejected ends it.
    const decided = (await chain())[0]!.decision;
    expect(offer.status).toBe(decided === 'APPROVED' ? 'PENDING_APPROVAL' : 'NOT_APPROVED');
    expect(['APPROVED', 'REJECTED']).toContain(decided);
  });

  it('sends once, not after its date; accepted, it hires; a closed application withdraws one', async () => {
    const { hugo, ada, rita, deps, offerId, chain, application } = await drafted();
    const [first, second] = await chain();
    await decideApproval(deps, {
      approvalId: first!.id,
      version: 1,
      decision: 'APPROVED',
      slackUserId: hugo.slackUserId,
      now,
    });
    await decideApproval(deps, {
      approvalId: second!.id,
      version: 1,
      decision: 'APPROVED',
      slackUserId: ada.slackUserId,
      now,
    });
    const send = (at: Date) =>
      sendOffer(
        { ...deps, mailbox: 'jobs@example.com' },
        { offerId, version: 1, slackUserId: rita.slackUserId, now: at },
      );
    await db.prisma.setting.upsert({
      where: { key: WORKSPACE_SETTINGS },
      create: { key: WORKSPACE_SETTINGS, value: { signature: 'The team' } },
      update: { value: { signature: 'The team' } },
    });
    expect(await send(new Date('2027-03-21T10:00:00Z'))).toEqual({
      ok: false,
      told: expect.stringMatching(/has passed/),
    });
    const twice = await Promise.all([send(now), send(now)]);
    expect(twice.filter((s) => s.ok)).toHaveLength(1);
    expect(await db.prisma.outboxEffect.count({ where: { applicationId: application.id, kind: 'gmail.send' } })).toBe(
      1,
    );
    expect(await settleOffer(deps, { offerId, outcome: 'accepted', slackUserId: rita.slackUserId, now })).toEqual({
      ok: true,
    });
    expect(await settleOffer(deps, { offerId, outcome: 'declined', slackUserId: rita.slackUserId, now })).toEqual({
      ok: false,
      told: 'This offer was accepted already.',
    });
    expect((await db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).stage).toBe('HIRED');

    const other = await drafted();
    await closeApplication(
      { ...other.deps, mailbox: undefined },
      {
        applicationId: other.application.id,
        decision: 'reject',
        reason: 'Went with another candidate',
        actor: { type: 'USER', id: other.rita.slackUserId },
        now,
      },
    );
    expect((await db.prisma.offer.findUniqueOrThrow({ where: { id: other.offerId } })).status).toBe('WITHDRAWN');
  });
});
