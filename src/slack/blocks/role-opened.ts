import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';

type Step = {
  name: string;
  minutes: number;
  kind: string;
  panel: boolean;
  needed: number;
  pool: string[];
  /** The names of what the step assesses. */
  competencies: string[];
};

const kindLabel = (k: string) => k.toLowerCase().replace('_', ' ');

/** "Backend Engineer is open": who runs it and its interview plan, for the role's channel. */
export function roleOpenedMessage(d: {
  title: string;
  hiringManager: string | null;
  recruiter: string | null;
  steps: Step[];
}): { text: string; blocks: Record<string, unknown>[] } {
  const people = [
    d.hiringManager ? `hiring manager <@${d.hiringManager}>` : null,
    d.recruiter ? `recruiter <@${d.recruiter}>` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const plan = d.steps.length
    ? d.steps.map(stepLine).join('\n')
    : '_No interview steps: candidates go from screening to the offer._';
  const body =
    `*${escapeMrkdwn(d.title)} is open*${people ? ` (${people})` : ''}.\nApplications for it arrive here ` +
    `as cards.\n*Interview plan*\n${plan}`;
  return {
    text: fit(`${escapeMrkdwn(d.title)} is open.`, 3000),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fit(body, LIMITS.sectionText) } }],
  };
}

/** "1. Intro call, 30 min, video: one of @bea, @carl", and what it finds out on the next line. */
function stepLine(s: Step, i: number): string {
  const who = s.panel ? 'all of' : s.needed === 1 ? 'one of' : `${s.needed} of`;
  const pool = s.pool.map((u) => `<@${u}>`).join(', ');
  const finds = s.competencies.length ? `\n      _Finds out:_ ${s.competencies.map(escapeMrkdwn).join(', ')}` : '';
  return `${i + 1}. ${escapeMrkdwn(s.name)}, ${s.minutes} min, ${kindLabel(s.kind)}: ${who} ${pool}${finds}`;
}
