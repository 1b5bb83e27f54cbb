import { interviewEventId } from '../../../src/calendar/interview-event.js';
import { describe, expect, it } from 'vitest';
import { eraseCandidate } from '../../../src/services/candidates/erase-candidate.js';
import { exportCandidate } from '../../../src/services/candidates/export-candidate.js';
import { searchCandidates } from '../../../src/services/candidates/search-candidates.js';
import { recordEffect } from '../../../src/outbox/record-effect.js';
import { createInterviewSetup } from '../../factories/index.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);

/** A candidate with everything Justin keeps about someone: mail, a CV, an agent run, a booked interview, a card. */
async function fullCandidate(first = 'Zbigniew', last = 'Quarkowski') {
  const p = db.prisma;
  const setup = await createInterviewSetup(p, { people: [{ name: 'Ivy' }] });
  const { candidate, application, interview, users } = setup;
  await p.candidate.update({
    where: { id: candidate.id },
    data: {
      name: `${first} ${last}`,
      phone: '+44 20 7946 0000',
      profile: { skills: ['fortran'] },
      searchText: `${first} ${last} ${candidate.email} fortran`.toLowerCase(),
    },
  });
  await p.application.update({
    where: { id: application.id },
    data: { slackChannelId: 'C0ROLE', slackMessageTs: '1.0001', fitSummary: `${first} knows Fortran.` },
  });
  await p.document.create({
    data: {
      candidateId: candidate.id,
      applicationId: application.id,
      filename: 'zq-cv.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 3,
      sha256: 'abc',
      content: new Uint8Array([1, 2, 3]),
      textStatus: 'EXTRACTED',
      extractedText: `${first} ${last}, Fortran since 1977`,
    },
  });
  await p.inboundEmail.create({
    data: {
      mailbox: 'jobs@example.com',
      gmailMessageId: `g-${candidate.id}`,
      raw: Buffer.from(`From: ${first}`),
      status: 'PROCESSED',
    },
  });
  await p.emailThread.create({
    data: {
      candidateId: candidate.id,
      applicationId: application.id,
      subject: 'Application',
      messages: {
        create: [
          {
            gmailMessageId: `g-${candidate.id}`,
            rfcMessageId: `m-${candidate.id}@example.com`,
            direction: 'INBOUND',
            fromAddress: candidate.email,
            subject: 'Application',
            sentAt: new Date(),
            textBody: `Hello, I am ${first}`,
          },
        ],
      },
    },
  });
  await p.applicationEvent.create({
    data: {
      applicationId: application.id,
      actorType: 'CANDIDATE',
      type: 'application.received',
      data: { from: candidate.email },
    },
  });
  await p.agentRun.create({
    data: {
      applicationId: application.id,
      status: 'WAITING',
      steps: { create: [{ seq: 1, kind: 'MODEL_CALL', input: { text: `${first} wrote: Tuesday works` } }] },
    },
  });
  await p.interview.update({
    where: { id: interview.id },
    // Booked as bookSlot books: with the calendar event's id.
    data: {
      status: 'BOOKED',
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 90_000_000),
      calendarEventId: interviewEventId(interview.id),
    },
  });
  await p.scorecard.create({
    data: {
      interviewId: interview.id,
      interviewerId: users[0]!.id,
      recommendation: 'YES',
      notes: `${first} was sharp`,
      status: 'SUBMITTED',
      dueAt: new Date(),
      version: 1,
      versions: {
        create: [
          { version: 1, recommendation: 'YES', ratings: {}, notes: `${first} was sharp`, submittedAt: new Date() },
        ],
      },
    },
  });
  await p.debrief.create({
    data: { interviewId: interview.id, synthesis: `Everyone liked ${first}`, postedAt: new Date() },
  });
  // An offer under way: notes for approvers and an approver's comment about them.
  await p.offer.create({
    data: {
      applicationId: application.id,
      status: 'PENDING_APPROVAL',
      terms: {
        title: 'Engineer',
        baseSalary: '90000',
        currency: 'EUR',
        startDate: '2027-05-01',
        expiryDate: '2027-04-01',
        notes: `${first} asked for more`,
      },
      approvals: { create: [{ approverId: users[0]!.id, comment: `${first} is worth it` }] },
    },
  });
  await p.aiCacheEntry.create({
    data: { key: `k-${candidate.id}`, model: 'm', response: { email: candidate.email, name: `${first} ${last}` } },
  });
  await p.$transaction((tx) =>
    recordEffect(
      { tx, boss: q.boss },
      {
        kind: 'gmail.send',
        idempotencyKey: `mail-${candidate.id}`,
        applicationId: application.id,
        payload: {
          applicationId: application.id,
          threadId: application.id,
          to: candidate.email,
          subject: 'Times',
          text: `Dear ${first}`,
          messageId: 'abcdef@x',
        },
      },
    ),
  );
  return setup;
}

/** Every table that can hold what a candidate sent or what was said about them, as one lower-case text. */
async function allText(): Promise<string> {
  const rows = await db.prisma.$queryRaw<{ t: string }[]>`
    SELECT concat_ws(' ',
      (SELECT string_agg(c::text, ' ') FROM "Candidate" c),
      (SELECT string_agg(e::text, ' ') FROM "ApplicationEvent" e),
      (SELECT string_agg(a::text, ' ') FROM "Application" a),
      (SELECT string_agg(s::text, ' ') FROM "AgentStep" s),
      (SELECT string_agg(s::text, ' ') FROM "Scorecard" s),
      (SELECT string_agg(v::text, ' ') FROM "ScorecardVersion" v),
      (SELECT string_agg(d::text, ' ') FROM "Debrief" d),
      (SELECT string_agg(o::text, ' ') FROM "Offer" o),
      (SELECT string_agg(a::text, ' ') FROM "OfferApproval" a),
      (SELECT string_agg(o.payload::text, ' ') FROM "OutboxEffect" o),
      (SELECT string_agg(r.response::text, ' ') FROM "AiCacheEntry" r),
      (SELECT string_agg(w.word, ' ') FROM "SearchWord" w),
      (SELECT string_agg(encode(i.raw, 'escape'), ' ') FROM "InboundEmail" i),
      (SELECT string_agg(d::text, ' ') FROM "Document" d),
      (SELECT string_agg(m::text, ' ') FROM "EmailMessage" m)) AS t`;
  return rows[0]!.t.toLowerCase();
}

describe('candidate export and erasure', () => {
  it('exports what the candidate gave and their applications, without the team’s notes', async () => {
    const { candidate } = await fullCandidate('Wilhelmina', 'Exportova');
    const out = await exportCandidate(db.prisma, { candidateId: candidate.id });
    expect(out.candidate).toMatchObject({
      name: 'Wilhelmina Exportova',
      phone: '+44 20 7946 0000',
      profile: { skills: ['fortran'] },
    });
    expect(out.applications[0]).toMatchObject({
      stage: 'SCHEDULING',
      fitSummary: 'Wilhelmina knows Fortran.',
      interviews: [{ step: 'Technical interview', status: 'BOOKED' }],
    });
    expect(out.documents).toMatchObject([
      { filename: 'zq-cv.pdf', extractedText: 'Wilhelmina Exportova, Fortran since 1977' },
    ]);
    expect(out.emails).toMatchObject([{ direction: 'INBOUND', textBody: 'Hello, I am Wilhelmina' }]);
    expect(JSON.stringify(out)).not.toContain('was sharp');
  });

  it('erases the person and everything they sent, keeps the figures, and stops what was under way', async () => {
    const p = db.prisma;
    const { candidate, application, interview } = await fullCandidate();
    expect((await searchCandidates(p, { query: 'quarkowski' })).map((h) => h.id)).toEqual([candidate.id]);

    const them = new RegExp(`zbigniew|quarkowski|${candidate.email.replace('.', '\\.')}`);
    expect(await allText()).toMatch(them);
    const report = await eraseCandidate({ prisma: p, boss: q.boss }, { candidateId: candidate.id, actorId: 'U0ADMIN' });
    expect(report).toMatchObject({
      status: 'erased',
      applications: 1,
      documents: 1,
      emailMessages: 1,
      rawEmails: 1,
      agentSteps: 1,
      interviewsCancelled: 1,
      effectsCancelled: 1,
    });

    // Nothing left that names them, anywhere Justin keeps data (the same check found them before).
    expect(await allText()).not.toMatch(them);
    expect(await searchCandidates(p, { query: 'quarkowski' })).toEqual([]);

    // The figures stay: the application and its stage history, now withdrawn.
    const app = await p.application.findUniqueOrThrow({
      where: { id: application.id },
      include: { events: { orderBy: { id: 'asc' } } },
    });
    expect(app.stage).toBe('WITHDRAWN');
    expect(app.events.map((e) => e.type)).toEqual(['application.received', 'candidate.erased']);
    // Under way: the email is not sent, the interview is cancelled in the calendar, the card re-rendered.
    expect(await p.outboxEffect.findUniqueOrThrow({ where: { idempotencyKey: `mail-${candidate.id}` } })).toMatchObject(
      { status: 'CANCELLED', payload: { erased: true } },
    );
    expect(await p.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({ status: 'CANCELLED' });
    expect(await p.offer.findFirstOrThrow({ where: { applicationId: application.id } })).toMatchObject({
      status: 'WITHDRAWN',
      terms: {},
    });
    expect(
      await p.outboxEffect.count({ where: { idempotencyKey: `calendar:${interview.id}:cancel`, status: 'PENDING' } }),
    ).toBe(1);
    expect(
      await p.outboxEffect.count({ where: { idempotencyKey: `card:${application.id}:erased`, status: 'PENDING' } }),
    ).toBe(1);
    expect(await p.agentRun.findFirstOrThrow({ where: { applicationId: application.id } })).toMatchObject({
      status: 'STOPPED',
    });
    expect(
      await p.auditEntry.findFirstOrThrow({ where: { action: 'candidate.erase', subjectId: candidate.id } }),
    ).toMatchObject({ actorId: 'U0ADMIN' });

    // Twice is harmless.
    expect(
      await eraseCandidate({ prisma: p, boss: q.boss }, { candidateId: candidate.id, actorId: 'U0ADMIN' }),
    ).toMatchObject({ status: 'already-erased' });
  });
});
