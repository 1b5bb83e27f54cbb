import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';

type Step = { name: string; minutes: number; kind: string; panel: boolean; needed: number; pool: string[] };

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
    ? d.steps
        .map(
          (s, i) =>
            `${i + 1}. ${escapeMrkdwn(s.name)}, ${s.minutes} min, ${kindLabel(s.kind)}: ` +
            `${s.panel ? 'all of' : s.needed === 1 ? 'one of' : `${s.needed} of`} ` +
            `${s.pool.map((u) => `<@${u}>`).join(', ')}`,
        )
        .join('\n')
    : '_No interview steps: candidates go from screening to the offer._';
  const body =
    `*${escapeMrkdwn(d.title)} is open*${people ? ` (${people})` : ''}.\nApplications for it arrive here ` +
    `as cards.\n*Interview plan*\n${plan}`;
  return {
    text: fit(`${escapeMrkdwn(d.title)} is open.`, 3000),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fit(body, LIMITS.sectionText) } }],
  };
}
