import type { Stage } from './stages.js';

/** Who an application in this stage is waiting on, for /pipeline. */
export type Waiter = 'recruiter' | 'candidate' | 'interview' | 'hiring manager' | 'nobody';

export function waitingOn(stage: Stage): Waiter {
  switch (stage) {
    case 'NEW':
    case 'SCREENING':
      return 'recruiter';
    case 'SCHEDULING':
      return 'candidate';
    case 'INTERVIEW_SCHEDULED':
      return 'interview';
    case 'INTERVIEWED':
      return 'hiring manager';
    case 'OFFER':
      return 'candidate';
    case 'HIRED':
    case 'REJECTED':
    case 'WITHDRAWN':
      return 'nobody';
  }
}
