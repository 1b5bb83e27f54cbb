import type { Queue } from 'pg-boss';
import type { AgentEvent } from '../agent/agent-event.js';

// Every queue Justin uses, with its failure policy. Created (or updated) at start.
// `notify` wakes workers through LISTEN/NOTIFY the moment a job is sent, instead of
// after pg-boss's polling interval (seconds); polling stays on as a backstop.

export const DEAD_LETTER_QUEUE = 'dead-letter';

/** Payloads per queue, so enqueueing is typed. */
export type JobPayloads = {
  'outbox.deliver': { effectId: string; service?: string | undefined };
  'outbox.sweep': Record<string, never>;
  'calendar.check-responses': Record<string, never>;
  'application.stage-changed': { applicationId: string; eventId: string };
  /** Times for the step at planPosition; `move`: for its booked interview, which the team asked to move. */
  'scheduling.start': { applicationId: string; planPosition: number; move?: boolean | undefined };
  'scheduling.cancel': { applicationId: string; planPosition: number };
  'gmail.sync': { mailbox: string; reason: string };
  'gmail.watch': Record<string, never>;
  'gmail.poll': Record<string, never>;
  /** A stored inbound email, to be read and turned into an application or a reply. */
  'intake.process': { inboundId: string };
  /** A profile and fit summary from the application's documents, via Claude. */
  'intake.understand': { applicationId: string };
  /** Text from a stored CV or cover letter. */
  'intake.extract-document': { documentId: string };
  /**
   * Something for the scheduling agent of one application (a reply, approved times, a
   * follow-up…); `key` makes it once.
   */
  'agent.turn': { applicationId: string; key: string; event: AgentEvent };
  /** Finds runs whose candidate stayed silent past their follow-up time. */
  'agent.follow-ups': Record<string, never>;
  /** Marks booked interviews whose end has passed as completed. */
  'interviews.complete': Record<string, never>;
  /** Chases late scorecards (business mornings, then the recruiter) and starts debriefs past their deadline. */
  'scorecards.chase': Record<string, never>;
  /** A step's debrief: its scorecards are all in, or its deadline passed. */
  'debrief.hold': { interviewId: string; without?: boolean | undefined };
  /** Sends interviewers the reminders due before their booked interviews. */
  'interviews.remind': Record<string, never>;
  /** Queues each role's weekly digest once the team's weekday and time have come in its zone. */
  'digest.due': Record<string, never>;
  /** A candidate replied while their offer is out: read it for the team to confirm. */
  'offer.reply': { offerId: string; emailMessageId: string };
  /** Sent offers past their expiry: reminders on the candidate's business days, then the recruiter. */
  'offers.chase': Record<string, never>;
  /** An admin asked in Slack to erase a candidate; `by` is told when it is done. */
  'candidate.erase': { candidateId: string; by: string };
  /** Fill a team member's name, email, zone, calendar and hours from Slack (users.info). */
  'team.sync-person': { slackTeamId: string; slackUserId: string };
  [DEAD_LETTER_QUEUE]: Record<string, unknown>;
};

export type QueueName = keyof JobPayloads;

const common = {
  notify: true,
  deadLetter: DEAD_LETTER_QUEUE,
  retentionSeconds: 14 * 24 * 3600,
} satisfies Partial<Queue>;

export const QUEUES: Record<QueueName, Omit<Queue, 'name'>> = {
  // The outbox reschedules API failures itself (honouring Retry-After); these retries only
  // cover a worker that died mid-job. Expiry is longer than an effect's lease.
  'outbox.deliver': {
    ...common,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 300,
    expireInSeconds: 90,
  },
  'outbox.sweep': { ...common, policy: 'exclusive', retryLimit: 0, expireInSeconds: 60 },
  'calendar.check-responses': { ...common, policy: 'exclusive', retryLimit: 1, expireInSeconds: 300 },
  // One application's events in order: key_strict_fifo keyed by application id.
  'application.stage-changed': {
    ...common,
    policy: 'key_strict_fifo',
    retryLimit: 5,
    retryBackoff: true,
    expireInSeconds: 60,
  },
  // scheduling.start proposes times; scheduling.cancel only drains jobs from before closing
  // an application unwound in its own transaction (see definitions/scheduling-cancel.ts).
  'scheduling.start': { ...common, policy: 'key_strict_fifo', retryLimit: 5, retryBackoff: true, expireInSeconds: 600 },
  'scheduling.cancel': {
    ...common,
    policy: 'key_strict_fifo',
    retryLimit: 5,
    retryBackoff: true,
    expireInSeconds: 600,
  },
  // 'stately': one sync running and at most one waiting, so a burst of pushes is one more sync, never lost.
  'gmail.sync': {
    ...common,
    policy: 'stately',
    retryLimit: 5,
    retryBackoff: true,
    retryDelayMax: 300,
    expireInSeconds: 300,
  },
  'gmail.watch': { ...common, policy: 'exclusive', retryLimit: 3, retryBackoff: true, expireInSeconds: 120 },
  'gmail.poll': { ...common, policy: 'exclusive', retryLimit: 0, expireInSeconds: 60 },
  // One message at a time per Gmail thread would be stricter; per message is what matters:
  // processing is idempotent on the InboundEmail row's status.
  'intake.process': { ...common, retryLimit: 8, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 120 },
  'intake.extract-document': { ...common, retryLimit: 3, retryBackoff: true, expireInSeconds: 120 },
  // Claude: the SDK retries a 429/529 twice itself; these retries back off further (up to 30 min).
  'intake.understand': {
    ...common,
    retryLimit: 6,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 1800,
    expireInSeconds: 300,
  },
  // One turn at a time per application, in order (key_strict_fifo, keyed by application id):
  // this is what serialises the agent. Claude's own retries are inside a turn; these back off
  // further, and a turn resumes from its stored steps.
  'agent.turn': {
    ...common,
    policy: 'key_strict_fifo',
    retryLimit: 6,
    retryDelay: 20,
    retryBackoff: true,
    retryDelayMax: 1800,
    expireInSeconds: 900,
  },
  'agent.follow-ups': { ...common, policy: 'exclusive', retryLimit: 0, expireInSeconds: 120 },
  'interviews.complete': { ...common, policy: 'exclusive', retryLimit: 0, expireInSeconds: 120 },
  'scorecards.chase': { ...common, policy: 'exclusive', retryLimit: 0, expireInSeconds: 120 },
  // 'stately' keyed by interview: one debrief being made and at most one waiting. Claude's own
  // retries are inside; these back off further. A second run finds the debrief posted.
  'debrief.hold': {
    ...common,
    policy: 'stately',
    retryLimit: 6,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 1800,
    expireInSeconds: 300,
  },
  'interviews.remind': { ...common, policy: 'exclusive', retryLimit: 0, expireInSeconds: 120 },
  'digest.due': { ...common, policy: 'exclusive', retryLimit: 0, expireInSeconds: 120 },
  // Claude's own retries are inside; a repeat posts nothing new (the thread's question is keyed by the mail).
  'offer.reply': { ...common, retryLimit: 6, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
  'offers.chase': { ...common, policy: 'exclusive', retryLimit: 0, expireInSeconds: 120 },
  // Erasure is one transaction and safe to repeat (a second run finds the candidate erased).
  'candidate.erase': { ...common, retryLimit: 3, retryBackoff: true, expireInSeconds: 300 },
  // 'stately' keyed by person: a burst of mentions or profile changes is one more sync, never lost.
  'team.sync-person': {
    ...common,
    policy: 'stately',
    retryLimit: 5,
    retryBackoff: true,
    retryDelayMax: 600,
    expireInSeconds: 120,
  },
  [DEAD_LETTER_QUEUE]: { notify: false, retentionSeconds: 90 * 24 * 3600, deleteAfterSeconds: 90 * 24 * 3600 },
};

/** Cron work: pg-boss schedules, never timers in a process (they run once per cluster). */
export const SCHEDULES: { queue: QueueName; cron: string }[] = [
  { queue: 'outbox.sweep', cron: '* * * * *' },
  { queue: 'calendar.check-responses', cron: '*/15 * * * *' },
  { queue: 'gmail.poll', cron: '* * * * *' },
  { queue: 'gmail.watch', cron: '17 3 * * *' },
  { queue: 'agent.follow-ups', cron: '*/5 * * * *' },
  { queue: 'interviews.complete', cron: '*/5 * * * *' },
  { queue: 'scorecards.chase', cron: '*/5 * * * *' },
  { queue: 'offers.chase', cron: '*/15 * * * *' },
  { queue: 'interviews.remind', cron: '* * * * *' },
  // Cron runs in UTC: every quarter hour the service checks the team's own weekday, time and zone.
  { queue: 'digest.due', cron: '*/15 * * * *' },
];
