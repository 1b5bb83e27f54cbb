import { z } from 'zod';
import { holdDebrief } from '../../services/debriefs/hold-debrief.js';
import { chaseScorecards } from '../../services/scorecards/chase-scorecards.js';
import { defineJob } from '../definition.js';

/** Every five minutes: late scorecards chased, debriefs past their deadline started (see the service). */
export const scorecardsChase = defineJob({
  queue: 'scorecards.chase',
  schema: z.object({}).strict() as never,
  async handle(deps, _data, { log }) {
    const done = await chaseScorecards(deps);
    if (done.nudged || done.told || done.debriefs) log.info(done, 'scorecards chased');
  },
});

/** A step's debrief: the synthesis from Claude, then the message (see the service). */
export const debriefHold = defineJob({
  queue: 'debrief.hold',
  schema: z.object({ interviewId: z.string().uuid(), without: z.boolean().optional() }),
  async handle(deps, { interviewId, without }, { log }) {
    const outcome = await holdDebrief(deps, { interviewId, now: deps.now(), without: without === true });
    log.info({ interviewId, outcome }, 'debrief');
  },
});
