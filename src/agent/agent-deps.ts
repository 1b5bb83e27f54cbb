import type { Claude } from '../ai/claude.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Boss } from '../jobs/boss.js';
import type { Logger } from '../logger.js';
import type { AvailabilitySource } from '../services/scheduling/availability.js';

export type AgentDeps = {
  prisma: PrismaClient;
  boss: Boss;
  claude: Claude;
  /** Haiku-class for reading replies, Sonnet-class for the agent's decisions and drafting. */
  models: { fast: string; smart: string };
  /** Calendar free/busy; undefined until Google is connected (then the agent hands over). */
  availability: AvailabilitySource | undefined;
  /** The recruiting mailbox the agent writes from; undefined until Google is set up (then nothing is sent). */
  mailbox: string | undefined;
  now: () => Date;
  log: Logger;
};

/**
 * A refused tool call. A violation (a call outside the rules) counts towards stopping the run.
 * The message is for the model and the audit log; `forTeam` is what Slack shows when it differs:
 * it must quote nothing the model chose (its links, field names, text), which is the attacker's.
 */
export class Refused extends Error {
  constructor(
    message: string,
    readonly violation = false,
    readonly forTeam: string = message,
  ) {
    super(message);
  }
}
