import type { PrismaClient, Tx } from '../../db/prisma.js';
import type { PipelineCommand, PipelineState, Stage } from '../../domain/pipeline/stages.js';
import { transition, type PipelineEffect } from '../../domain/pipeline/transition.js';
import { AppError } from '../../errors.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import { unwindApplicationInTx } from './unwind-application.js';

export type Actor = { type: 'USER' | 'CANDIDATE' | 'AGENT' | 'SYSTEM'; id?: string | undefined };

export type MoveApplicationOptions = {
  applicationId: string;
  command: PipelineCommand;
  actor: Actor;
  /**
   * The version the actor saw (e.g. on the Slack card they clicked). When given and stale,
   * the move is refused with STALE_STATE naming who changed it: a compare-and-set.
   */
  expectedVersion?: number | undefined;
  /** Extra facts for the event log (reason text, interview id …). */
  data?: Record<string, unknown>;
  /** The service's clock (when the stage changed; when what was in flight stopped). */
  now?: Date | undefined;
};

export type MoveResult = {
  applicationId: string;
  from: PipelineState;
  to: PipelineState;
  version: number;
  eventId: string;
};

type Locked = { stage: Stage; planPosition: number | null; version: number; planLength: number };

/**
 * The one place an application changes stage. In a single transaction: lock the row,
 * ask the pure state machine, update the row, append the event, enqueue the follow-up
 * jobs. Either all of it commits or none of it does.
 */
export async function moveApplication(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  options: MoveApplicationOptions,
): Promise<MoveResult> {
  return prisma.$transaction((tx) => moveApplicationInTx(tx, boss, options));
}

/**
 * Locks the application an interview belongs to. Transactions that change an interview and may
 * move its application take the application first, as closing one does (it locks the
 * application, then its interviews): one order everywhere, so two of them never deadlock.
 */
export async function lockApplicationOfInterview(tx: Tx, interviewId: string): Promise<void> {
  await tx.$queryRaw`
    SELECT a.id FROM "Application" a JOIN "Interview" i ON i."applicationId" = a.id
    WHERE i.id = ${interviewId}::uuid FOR UPDATE OF a`;
}

/** moveApplication inside the caller's transaction, for changes that move the stage as a part (booking). */
export async function moveApplicationInTx(
  tx: Tx,
  boss: Boss,
  { applicationId, command, actor, expectedVersion, data = {}, now = new Date() }: MoveApplicationOptions,
): Promise<MoveResult> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT a.stage::text AS stage, a."planPosition", a.version,
           (SELECT count(*)::int FROM "InterviewStage" s WHERE s."roleId" = a."roleId") AS "planLength"
    FROM "Application" a WHERE a.id = ${applicationId}::uuid
    FOR UPDATE OF a`;
  const current = rows[0];
  if (!current)
    throw new AppError('NOT_FOUND', `application ${applicationId} not found`, {
      userMessage: 'That application no longer exists.',
    });

  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw await staleError(tx, applicationId, current);
  }

  const from: PipelineState = { stage: current.stage, planPosition: current.planPosition };
  const result = transition(from, command, { length: current.planLength });
  if (!result.ok) {
    throw new AppError('ILLEGAL_TRANSITION', `${command.type} from ${current.stage}: ${result.reason}`, {
      userMessage: `Can't ${command.type.replaceAll('_', ' ')}: ${result.reason}.`,
      details: { stage: current.stage, command: command.type },
    });
  }

  const to = result.next;
  const version = current.version + 1;
  await tx.application.update({
    where: { id: applicationId },
    data: { stage: to.stage, planPosition: to.planPosition, version, stageChangedAt: now },
  });
  const event = await tx.applicationEvent.create({
    data: {
      applicationId,
      // The service's clock, as stageChangedAt: the digest reads stage history from these.
      at: now,
      actorType: actor.type,
      actorId: actor.id ?? null,
      type: `stage.${command.type}`,
      fromStage: from.stage,
      toStage: to.stage,
      data: {
        ...data,
        ...commandData(command),
        fromPlanPosition: from.planPosition,
        toPlanPosition: to.planPosition,
        version,
      },
    },
    select: { id: true },
  });
  const eventId = event.id.toString();
  for (const effect of result.effects) {
    if (effect.type === 'unwind')
      await unwindApplicationInTx(tx, boss, {
        applicationId,
        actor,
        reason: CLOSED_BECAUSE[to.stage] ?? 'the application closed',
        now,
      });
    else await enqueueEffect(boss, tx, applicationId, eventId, effect);
  }
  return { applicationId, from, to, version, eventId };
}

/** Why what was in flight stopped, as the team reads it (never the reason they typed). */
const CLOSED_BECAUSE: Partial<Record<Stage, string>> = {
  REJECTED: 'the candidate was rejected',
  WITHDRAWN: 'the candidate withdrew',
  HIRED: 'the candidate was hired',
};

function commandData(command: PipelineCommand): Record<string, unknown> {
  switch (command.type) {
    case 'reject':
      return { reason: command.reason };
    case 'withdraw':
      return command.reason ? { reason: command.reason } : {};
    default:
      return {};
  }
}

function enqueueEffect(
  boss: Boss,
  tx: Tx,
  applicationId: string,
  eventId: string,
  effect: Exclude<PipelineEffect, { type: 'unwind' }>,
): Promise<unknown> {
  // key_strict_fifo queues: one application's jobs run in order, others in parallel.
  const inOrder = { singletonKey: applicationId };
  switch (effect.type) {
    case 'stage_changed':
      return enqueue(boss, tx, 'application.stage-changed', { applicationId, eventId }, inOrder);
    case 'start_scheduling':
      return enqueue(boss, tx, 'scheduling.start', { applicationId, planPosition: effect.planPosition }, inOrder);
  }
}

async function staleError(tx: Tx, applicationId: string, current: Locked): Promise<AppError> {
  const last = await tx.applicationEvent.findFirst({
    where: { applicationId, toStage: { not: null } },
    orderBy: { id: 'desc' },
    select: { actorType: true, actorId: true, type: true, at: true },
  });
  const who =
    last?.actorType === 'USER' && last.actorId ? `<@${last.actorId}>` : (last?.actorType.toLowerCase() ?? 'someone');
  const what = last ? last.type.replace(/^stage\./, '').replaceAll('_', ' ') : 'changed it';
  return new AppError('STALE_STATE', `application ${applicationId} is at version ${current.version}`, {
    userMessage:
      `Someone got there first: ${who} did "${what}"; it is now at ` +
      `${current.stage.toLowerCase().replaceAll('_', ' ')}.`,
    details: { stage: current.stage, version: current.version, by: last?.actorId ?? null },
  });
}
