import { z } from 'zod';
import { afterInterviewPolicyOf } from '../../domain/interviews/after-interview-policy.js';
import { bookDebriefMeeting } from '../../services/debriefs/book-debrief-meeting.js';
import { holdDebrief } from '../../services/debriefs/hold-debrief.js';
import type { JobDeps } from '../definition.js';
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
    // Once it is out (now, or by an earlier run that died before this), the meeting if the role wants one.
    const meeting =
      outcome === 'posted' || outcome === 'already' || outcome === 'resynthesized'
        ? await meetingIfWanted(deps, interviewId)
        : 'not-wanted';
    log.info({ interviewId, outcome, meeting }, 'debrief');
  },
});

async function meetingIfWanted(deps: JobDeps, interviewId: string) {
  const role = await deps.prisma.interview.findUnique({
    where: { id: interviewId },
    select: { application: { select: { role: { select: { policy: true } } } } },
  });
  if (!role || !afterInterviewPolicyOf(role.application.role.policy).bookDebriefMeeting) return 'not-wanted';
  return bookDebriefMeeting(deps, { interviewId, now: deps.now() });
}
