import type { PrismaClient, Tx } from '../../db/prisma.js';
import { describeMessage, type MessageReading } from '../../domain/intake/describe-message.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import { parseMessage, type ParsedEmail } from '../../mail/parse-message.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { showCandidateCard } from '../applications/show-card.js';
import { askTeamForRole, tellTeamForwardUnreadable } from './ask-team-for-role.js';
import { storeDocuments } from './store-documents.js';
import { extractText, type DocumentText } from '../../documents/extract-text.js';

/**
 * Documents up to this size are read in the processing job, before its transaction (a CV's
 * PDF text takes under a millisecond): one job and one transaction fewer per application.
 * Larger ones are read by their own job, so a slow file never holds up the mail.
 */
const READ_INLINE_BYTES = 2 * 1024 * 1024;

export type IntakeOutcome =
  | { kind: 'already-processed'; status: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'reply'; applicationId: string | null; threadId: string; routedTo: 'agent' | 'person' | 'offer' | 'nobody' }
  | {
      kind: 'new-application';
      applicationId: string;
      candidateId: string;
      how: string;
      documents: { stored: number; reused: number };
    }
  | { kind: 'existing-application'; applicationId: string; documents: { stored: number; reused: number } }
  | { kind: 'needs-role'; reason: string }
  | { kind: 'failed'; reason: string };

type Deps = {
  prisma: PrismaClient;
  boss: Boss;
  mailbox: string;
  /** The service's clock: when the application arrived (what the weekly digest and /pipeline count from). */
  now?: (() => Date) | undefined;
};

/**
 * Reads one stored message and does what it means, in one transaction that also marks the
 * message processed: a new application (candidate deduplicated by normalised address, documents
 * stored once by hash, the card posted), a reply attached to its thread and routed, or nothing
 * (an auto-reply, a bounce, our own mail). A worker killed half-way leaves no half-written
 * application: the transaction rolls back and the job runs again. `roleId` is the team's
 * answer when the mail did not say which role it was for.
 */
export async function processEmail(
  deps: Deps,
  { inboundId, roleId: chosenRole, actorId }: { inboundId: string; roleId?: string; actorId?: string },
): Promise<IntakeOutcome> {
  const row = await deps.prisma.inboundEmail.findUnique({
    where: { id: inboundId },
    select: { raw: true, gmailMessageId: true, gmailThreadId: true },
  });
  if (!row) return { kind: 'failed', reason: 'inbound message gone' };
  const email = await parseMessage(Buffer.from(row.raw));
  const roles = await deps.prisma.role.findMany({
    where: { status: 'OPEN' },
    select: { id: true, title: true, intakeTag: true },
  });
  // The team's addresses: a message attached whole under a short note is a forward only from them.
  const users = await deps.prisma.user.findMany({
    where: { email: { not: null }, deactivatedAt: null },
    select: { email: true },
  });
  const team = users.flatMap((u) => (u.email ? [u.email] : []));
  const reading = describeMessage(email, { mailbox: deps.mailbox, roles, team });
  const texts = new Map<string, DocumentText>();
  // Only mail that may become an application carries a CV worth reading now.
  if (reading.sender && !reading.ownMessage && !reading.automatic.automatic) {
    for (const doc of reading.documents)
      if (doc.size <= READ_INLINE_BYTES && !texts.has(doc.sha256))
        texts.set(doc.sha256, await extractText({ content: doc.content, contentType: doc.contentType }));
  }

  return deps.prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM "InboundEmail" WHERE id = ${inboundId}::uuid FOR UPDATE`;
    const status = locked[0]?.status;
    if (status !== 'RECEIVED' && !(status === 'NEEDS_ROLE' && chosenRole))
      return { kind: 'already-processed', status: status ?? 'gone' };
    const outcome = await decide(tx, deps, {
      inboundId,
      email,
      reading,
      texts,
      sentAt: email.date ?? new Date(),
      gmailThreadId: row.gmailThreadId,
      gmailMessageId: row.gmailMessageId,
      chosenRole,
      actorId,
    });
    const finalStatus =
      outcome.kind === 'ignored'
        ? 'IGNORED'
        : outcome.kind === 'needs-role'
          ? 'NEEDS_ROLE'
          : outcome.kind === 'failed'
            ? 'FAILED'
            : 'PROCESSED';
    await tx.inboundEmail.update({
      where: { id: inboundId },
      data: {
        status: finalStatus,
        outcome,
        processedAt: new Date(),
        error: outcome.kind === 'failed' ? outcome.reason : null,
      },
    });
    return outcome;
  });
}

type Facts = {
  inboundId: string;
  email: ParsedEmail;
  reading: MessageReading;
  texts: ReadonlyMap<string, DocumentText>;
  sentAt: Date;
  gmailThreadId: string | null;
  gmailMessageId: string;
  chosenRole: string | undefined;
  actorId: string | undefined;
};

async function decide(tx: Tx, deps: Deps, facts: Facts): Promise<IntakeOutcome> {
  const { email, reading } = facts;
  if (reading.ownMessage) return { kind: 'ignored', reason: 'sent by the recruiting mailbox' };
  const thread = await findThread(tx, facts);
  if (reading.automatic.automatic) {
    if (thread) await addMessage(tx, thread.id, facts, { isAutoReply: true });
    return { kind: 'ignored', reason: `${reading.automatic.kind}: ${reading.automatic.reason}` };
  }
  if (thread) return reply(tx, deps, thread, facts);
  if (!reading.sender && reading.forwardedBy) {
    const { inboundId, email: mail } = facts;
    await tellTeamForwardUnreadable(tx, deps.boss, {
      inboundId,
      forwardedBy: reading.forwardedBy,
      subject: mail.subject,
    });
    return {
      kind: 'failed',
      reason: 'a forward whose original sender has no readable address (the forwarder is not the applicant)',
    };
  }
  if (!reading.sender) return { kind: 'failed', reason: email.problems.join('; ') || 'no sender address' };

  const roleId = facts.chosenRole ?? reading.role.roleId;
  if (!roleId) {
    await askTeamForRole(tx, deps.boss, {
      inboundId: facts.inboundId,
      senderName: reading.sender.name,
      subject: reading.subject,
    });
    return { kind: 'needs-role', reason: 'why' in reading.role ? reading.role.why : 'unknown' };
  }
  return application(
    tx,
    deps,
    facts,
    roleId,
    facts.chosenRole ? 'chosen by the team' : 'how' in reading.role ? reading.role.how : 'unknown',
  );
}

async function findThread(tx: Tx, { gmailThreadId, email }: Facts) {
  if (gmailThreadId) {
    const byGmail = await tx.emailThread.findUnique({
      where: { gmailThreadId },
      select: { id: true, applicationId: true, handedOverAt: true },
    });
    if (byGmail) return byGmail;
  }
  const ids = [email.inReplyTo, ...email.references].filter((id): id is string => !!id);
  if (ids.length === 0) return null;
  const earlier = await tx.emailMessage.findFirst({
    where: { rfcMessageId: { in: ids } },
    select: { thread: { select: { id: true, applicationId: true, handedOverAt: true } } },
  });
  return earlier?.thread ?? null;
}

async function addMessage(
  tx: Tx,
  threadId: string,
  { email, reading, gmailMessageId, sentAt }: Facts,
  { isAutoReply = false, touchThread = true } = {},
) {
  const rfcMessageId = email.messageId ?? `gmail-${gmailMessageId}`;
  // Stored unless already on file (the same mail seen through another path). Setting the key
  // to itself on conflict lets Prisma send one INSERT … ON CONFLICT; with an empty update it
  // sends a SELECT, the INSERT and another SELECT.
  const message = await tx.emailMessage.upsert({
    where: { rfcMessageId },
    update: { rfcMessageId },
    create: {
      threadId,
      gmailMessageId,
      rfcMessageId,
      inReplyTo: email.inReplyTo ?? null,
      references: email.references,
      direction: 'INBOUND',
      fromAddress: (reading.sender?.address ?? email.from?.address ?? '').toLowerCase(),
      toAddresses: email.to.map((a) => a.address.toLowerCase()),
      ccAddresses: email.cc.map((a) => a.address.toLowerCase()),
      subject: email.subject,
      sentAt,
      textBody: email.text ?? null,
      htmlBody: email.html ?? null,
      strippedText: reading.replyText,
      isAutoReply,
    },
    select: { id: true },
  });
  if (touchThread) await tx.emailThread.update({ where: { id: threadId }, data: { lastMessageAt: sentAt } });
  return message;
}

async function reply(
  tx: Tx,
  deps: Deps,
  thread: { id: string; applicationId: string | null; handedOverAt: Date | null },
  facts: Facts,
): Promise<IntakeOutcome> {
  const message = await addMessage(tx, thread.id, facts);
  if (!thread.applicationId) return { kind: 'reply', applicationId: null, threadId: thread.id, routedTo: 'nobody' };
  const applicationId = thread.applicationId;
  await tx.applicationEvent.create({
    data: {
      applicationId,
      actorType: 'CANDIDATE',
      type: 'email.received',
      data: { emailMessageId: message.id, inboundId: facts.inboundId },
    },
  });
  // At the offer stage the scheduling agent is done, and never discusses terms: a reply to a sent
  // offer is read for the team to confirm; anything else at that stage goes to a person.
  const offerStage = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      stage: true,
      candidate: { select: { email: true } },
      offers: { where: { status: 'SENT' }, select: { id: true }, take: 1 },
    },
  });
  const sentOffer = offerStage.offers[0];
  // Only the candidate answers their offer: a reply from anyone else in the thread goes to a person.
  const fromCandidate = facts.reading.sender?.normalised === offerStage.candidate.email;
  if (sentOffer && fromCandidate) {
    // They answered: a person confirms it, and Justin stops reminding them.
    await tx.offer.update({ where: { id: sentOffer.id }, data: { nextChaseAt: null } });
    await enqueue(
      deps.boss,
      tx,
      'offer.reply',
      { offerId: sentOffer.id, emailMessageId: message.id },
      { singletonKey: message.id },
    );
    return { kind: 'reply', applicationId, threadId: thread.id, routedTo: 'offer' };
  }
  if (thread.handedOverAt || offerStage.stage === 'OFFER' || sentOffer) {
    // After a handover (or at the offer stage) a person answers: tell the card's thread, without quoting the mail.
    const app = await tx.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: { slackChannelId: true, slackMessageTs: true },
    });
    if (app.slackChannelId && app.slackMessageTs) {
      await recordEffect(
        { tx, boss: deps.boss },
        {
          kind: 'slack.post',
          idempotencyKey: `reply-to-person:${message.id}`,
          applicationId,
          payload: {
            channel: app.slackChannelId,
            thread_ts: app.slackMessageTs,
            text: sentOffer
              ? ':envelope: Someone other than the candidate wrote in the thread of their offer; Justin did not ' +
                'act on it. A person should read it in the mailbox.'
              : ':envelope: The candidate replied in a thread handed over to the team; someone should answer by ' +
                'email.',
          },
        },
      );
    }
    return { kind: 'reply', applicationId, threadId: thread.id, routedTo: 'person' };
  }
  await enqueue(
    deps.boss,
    tx,
    'agent.turn',
    { applicationId, key: `reply:${message.id}`, event: { type: 'candidate-replied', emailMessageId: message.id } },
    { singletonKey: applicationId },
  );
  return { kind: 'reply', applicationId, threadId: thread.id, routedTo: 'agent' };
}

async function application(tx: Tx, deps: Deps, facts: Facts, roleId: string, how: string): Promise<IntakeOutcome> {
  const sender = facts.reading.sender!;
  const arrived = deps.now?.() ?? new Date();
  // One INSERT … ON CONFLICT (see addMessage); a second application bumps updatedAt.
  const candidate = await tx.candidate.upsert({
    where: { email: sender.normalised },
    update: { email: sender.normalised },
    create: {
      email: sender.normalised,
      displayEmail: sender.address,
      name: sender.name,
      searchText: `${sender.name} ${sender.normalised}`.toLowerCase(),
    },
    select: { id: true },
  });
  const existing = await tx.application.findUnique({
    where: { candidateId_roleId: { candidateId: candidate.id, roleId } },
    select: { id: true },
  });
  const app =
    existing ??
    (await tx.application.create({
      data: { candidateId: candidate.id, roleId, source: 'EMAIL', createdAt: arrived, stageChangedAt: arrived },
      select: { id: true },
    }));
  const thread = await tx.emailThread.create({
    data: {
      gmailThreadId: facts.gmailThreadId,
      subject: facts.reading.subject,
      candidateId: candidate.id,
      applicationId: app.id,
      lastMessageAt: facts.sentAt,
    },
    select: { id: true },
  });
  await addMessage(tx, thread.id, facts, { touchThread: false });
  const documents = await storeDocuments(tx, deps.boss, {
    candidateId: candidate.id,
    applicationId: app.id,
    documents: facts.reading.documents,
    texts: facts.texts,
  });
  // A CV we already had (same bytes) is not read again, so its reading cannot trigger the
  // profile for this application: ask for it now.
  if (documents.stored === 0 && documents.reused > 0)
    await enqueue(deps.boss, tx, 'intake.understand', { applicationId: app.id }, { singletonKey: app.id });
  const data = {
    inboundId: facts.inboundId,
    how,
    documents,
    ...(facts.reading.forwardedBy ? { forwardedBy: facts.reading.forwardedBy } : {}),
  };
  const actor = facts.actorId
    ? { actorType: 'USER' as const, actorId: facts.actorId }
    : { actorType: 'CANDIDATE' as const };
  if (existing) {
    await tx.applicationEvent.create({ data: { applicationId: app.id, ...actor, type: 'application.resent', data } });
    // New documents change the card (a CV that could not be read is flagged there, with Retry).
    if (documents.stored > 0)
      await recordEffect(
        { tx, boss: deps.boss },
        {
          kind: 'slack.card',
          idempotencyKey: `card:${app.id}:resent:${facts.inboundId}`,
          applicationId: app.id,
          payload: { applicationId: app.id },
        },
      );
    return { kind: 'existing-application', applicationId: app.id, documents };
  }
  await tx.applicationEvent.create({
    data: { applicationId: app.id, at: arrived, ...actor, type: 'application.received', data },
  });
  await showCandidateCard({ tx, boss: deps.boss }, app.id);
  return { kind: 'new-application', applicationId: app.id, candidateId: candidate.id, how, documents };
}
