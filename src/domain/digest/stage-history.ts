import { CLOSED_STAGES, STAGES, type Stage } from '../pipeline/stages.js';

// An application's stage over time, from its event log: pure, so a week's figures are the same
// whenever (and however often) they are computed.

/** A stage change from the event log (`stage.*` events carry fromStage and toStage). */
export type StageMove = { at: Date; fromStage: Stage; toStage: Stage };

/** One application: when it arrived, where it is now, and its moves in the order they were made. */
export type ApplicationHistory = { createdAt: Date; stage: Stage; moves: readonly StageMove[] };

/** A stretch of time spent in one stage. */
export type StageStay = { stage: Stage; enteredAt: Date; leftAt: Date };

/** Stages an application waits in: every stage but the closed ones. */
export const OPEN_STAGES: readonly Stage[] = STAGES.filter((s) => !CLOSED_STAGES.has(s));

/**
 * The stage an application was in just before `at`, or null if it had not arrived yet: what
 * happens at an instant belongs to the week that starts then, as in staysEnded and movesInto.
 * Before its first move it was in that move's fromStage; with no moves at all, it has been where
 * it is since it arrived.
 */
export function stageAt(app: ApplicationHistory, at: Date): Stage | null {
  if (app.createdAt.getTime() >= at.getTime()) return null;
  let stage: Stage = app.moves[0]?.fromStage ?? app.stage;
  for (const move of app.moves) {
    if (move.at.getTime() >= at.getTime()) break;
    stage = move.toStage;
  }
  return stage;
}

/** How many applications were in each stage just before `at` (stages with none are absent). */
export function countsAt(apps: readonly ApplicationHistory[], at: Date): Partial<Record<Stage, number>> {
  const counts: Partial<Record<Stage, number>> = {};
  for (const app of apps) {
    const stage = stageAt(app, at);
    if (stage) counts[stage] = (counts[stage] ?? 0) + 1;
  }
  return counts;
}

/** Every stay the application ended in [from, to): entered at the previous move (or on arrival). */
export function staysEnded(app: ApplicationHistory, from: Date, to: Date): StageStay[] {
  const stays: StageStay[] = [];
  let enteredAt = app.createdAt;
  for (const move of app.moves) {
    const t = move.at.getTime();
    if (t >= from.getTime() && t < to.getTime()) stays.push({ stage: move.fromStage, enteredAt, leftAt: move.at });
    enteredAt = move.at;
  }
  return stays;
}

/** How many applications moved into each stage in [from, to) (hired, rejected, withdrew this week). */
export function movesInto(apps: readonly ApplicationHistory[], from: Date, to: Date): Partial<Record<Stage, number>> {
  const counts: Partial<Record<Stage, number>> = {};
  for (const app of apps)
    for (const move of app.moves) {
      const t = move.at.getTime();
      if (t >= from.getTime() && t < to.getTime()) counts[move.toStage] = (counts[move.toStage] ?? 0) + 1;
    }
  return counts;
}

/** The median of some numbers; null for none. An even count takes the mean of the middle two. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
