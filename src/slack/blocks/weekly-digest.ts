import { DateTime } from 'luxon';
import { describeHours, type StageRow, type WeeklyFigures } from '../../domain/digest/weekly-figures.js';
import { stageLabel } from '../../domain/pipeline/stages.js';
import { fit, LIMITS } from './limits.js';
import { section } from './elements.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

/** Names in the digest's lists are cut to this (code points), so no one name crowds out the rest. */
const NAME = 80;
/** Lines per list; the rest are counted. */
const SHOWN = { stuck: 10, upcoming: 15, late: 15 } as const;
/** Characters per list (a section holds 3000): three full lists and the rest stay under Slack's total. */
const LIST_BUDGET = 2_700;

const name = (s: string) => escapeMrkdwn(fit(s, NAME));
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The weekly digest as a message for the role's channel: the week's figures in words (the chart
 * beside it draws the same counts). Names and titles are escaped and cut; every list is bounded,
 * so the message fits Slack's limits however many candidates a role has.
 */
export function weeklyDigestMessage({ title, figures, zone }: { title: string; figures: WeeklyFigures; zone: string }) {
  const inProgress = figures.stages.reduce((n, s) => n + s.now, 0);
  const text = fit(
    `Weekly digest for ${escapeMrkdwn(title)}: ${plural(inProgress, 'candidate')} in progress, ` +
      `${figures.arrived} new this week`,
    1000,
  );
  const blocks = [
    {
      type: 'header',
      text: { type: 'plain_text', text: fit(escapePlainText(`Weekly digest · ${title}`), LIMITS.headerText) },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${weekLabel(figures, zone)} · ${closedLine(figures)}` }],
    },
    section(`*Candidates per stage*, and the change since last week\n${figures.stages.map(stageLine).join('\n')}`),
    section(stuckText(figures)),
    section(upcomingText(figures)),
    section(lateText(figures)),
    section(
      `*Offers out:* ${figures.offersOut}\n*The agent this week:* ${plural(figures.agent.emailsSent, 'email')} ` +
        `sent · ${plural(figures.agent.interviewsBooked, 'interview')} booked · ` +
        `${plural(figures.agent.handOvers, 'hand-over')}` +
        (figures.agent.costPerScheduledInterviewUsd === null
          ? ''
          : ` · $${figures.agent.costPerScheduledInterviewUsd.toFixed(3)} per scheduled interview ` +
            '(since the role opened)'),
    ),
  ];
  return { text, blocks };
}

/** The words beside the chart when it is uploaded. */
export function digestChartComment(title: string): string {
  return fit(`Candidates per stage in ${escapeMrkdwn(title)}, now and a week ago (figures in the digest above).`, 1000);
}

function weekLabel({ from, to }: WeeklyFigures, zone: string): string {
  const local = (t: Date) => DateTime.fromJSDate(t, { zone });
  return `${local(from).toFormat('ccc d LLL')} – ${local(to).toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}

function closedLine(f: WeeklyFigures): string {
  return `This week: ${f.arrived} applied · ${f.rejected} rejected · ${f.withdrawn} withdrew · ${f.hired} hired`;
}

function stageLine(s: StageRow): string {
  const stay =
    s.medianHours === null
      ? ''
      : ` · median time here ${describeHours(s.medianHours)} (${plural(s.left, 'moved', 'moved')} on)`;
  return `${stageLabel(s.stage)}: *${s.now}* (${signed(s.change)})${stay}`;
}

function stuckText(f: WeeklyFigures): string {
  if (!f.stuckTotal) return `*Not moved in ${f.stuckDays}+ days:* nobody`;
  const lines = f.stuck
    .slice(0, SHOWN.stuck)
    .map((s) => `• ${name(s.candidateName)}: ${stageLabel(s.stage)} for ${s.days} days, waiting on the ${s.waitingOn}`);
  return `*Not moved in ${f.stuckDays}+ days* (${f.stuckTotal})\n${list(lines, f.stuckTotal, ' (`/pipeline`)')}`;
}

function upcomingText(f: WeeklyFigures): string {
  if (!f.upcoming.length) return '*Interviews this week:* none booked';
  const lines = f.upcoming
    .slice(0, SHOWN.upcoming)
    .map((i) => `• ${when(i.startsAt)} · ${name(i.candidateName)} · ${name(i.stepName)}`);
  return `*Interviews this week* (${f.upcoming.length})\n${list(lines, f.upcoming.length, ' (`/interviews week`)')}`;
}

function lateText(f: WeeklyFigures): string {
  if (!f.late.length) return '*Late scorecards:* none';
  const lines = f.late
    .slice(0, SHOWN.late)
    .map(
      (s) =>
        `• <@${s.interviewerSlackId}>: ${name(s.candidateName)} · ${name(s.stepName)}, ` +
        `${plural(s.daysLate, 'day')} since the interview`,
    );
  return `*Late scorecards* (${f.late.length}, more than a day after the interview)\n${list(lines, f.late.length)}`;
}

/** Whole lines while they fit the list's budget, then how many more there are: never a line cut in half. */
function list(lines: string[], total: number, where = ''): string {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const size = Array.from(line).length + 1;
    if (used + size > LIST_BUDGET) break;
    kept.push(line);
    used += size;
  }
  if (total > kept.length) kept.push(`• and ${total - kept.length} more${where}`);
  return kept.join('\n');
}

/** In each reader's own Slack time zone; the fallback is UTC. */
function when(t: Date): string {
  const fallback = DateTime.fromJSDate(t, { zone: 'UTC' }).toFormat("ccc d LLL HH:mm 'UTC'");
  return `<!date^${Math.floor(t.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}
