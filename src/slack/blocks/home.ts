import { DateTime } from 'luxon';
import type { HomeData } from '../../services/home/home-data.js';
import { ACTIONS } from '../ids.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

function section(title: string, lines: string[], empty: string): Record<string, unknown>[] {
  const body = lines.length ? lines.join('\n') : `_${empty}_`;
  return [
    { type: 'header', text: { type: 'plain_text', text: escapePlainText(title) } },
    { type: 'section', text: { type: 'mrkdwn', text: fit(body, LIMITS.sectionText, '\n…and more') } },
  ];
}

/** The App Home tab: my interviews, scorecards I owe, approvals waiting for me, my roles. */
export function homeView({ data, zone, now }: { data: HomeData; zone: string; now: Date }) {
  const t = (d: Date) => DateTime.fromJSDate(d, { zone });
  return {
    type: 'home' as const,
    blocks: [
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.openInterviewerSettings,
            text: { type: 'plain_text', text: 'My interviewing settings' },
          },
        ],
      },
      ...section(
        'My upcoming interviews',
        data.interviews.map(
          (i) =>
            `• *${t(i.startsAt).toFormat('ccc d LLL HH:mm')}–${t(i.endsAt).toFormat('HH:mm')}* ` +
            `${escapeMrkdwn(i.candidateName)} · ${escapeMrkdwn(i.roleTitle)} (${escapeMrkdwn(i.stageName)})`,
        ),
        'none in the next 7 days',
      ),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Times in ${zone}.` }] },
      ...owedScorecards(data.scorecardsOwed, t, now),
      ...section(
        'Waiting for my approval',
        [
          ...data.offerApprovals.map((o) => `• Offer: ${escapeMrkdwn(o.candidateName)} · ${escapeMrkdwn(o.roleTitle)}`),
          ...data.slotApprovals.map(
            (s) =>
              `• ${s.count} proposed slot${s.count === 1 ? '' : 's'}: ${escapeMrkdwn(s.candidateName)} · ` +
              `${escapeMrkdwn(s.roleTitle)}`,
          ),
        ],
        'nothing',
      ),
      ...section(
        'My open roles',
        data.roles.map(
          (r) =>
            `• *${escapeMrkdwn(r.title)}*${r.status === 'PAUSED' ? ' (paused)' : ''}: ${r.active} active ` +
            `candidate${r.active === 1 ? '' : 's'}${r.hired ? `, ${r.hired} hired` : ''}`,
        ),
        'none; open one with /hire role new',
      ),
    ],
  };
}

/** Each scorecard I owe, with its button: a Home tab has room for them (15 at most). */
function owedScorecards(
  owed: HomeData['scorecardsOwed'],
  t: (d: Date) => DateTime,
  now: Date,
): Record<string, unknown>[] {
  if (!owed.length) return section('Scorecards I owe', [], 'all caught up');
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Scorecards I owe' } },
    ...owed.map((s) => ({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: fit(
          `• ${escapeMrkdwn(s.candidateName)} · ${escapeMrkdwn(s.roleTitle)} (${escapeMrkdwn(s.stageName)}), ` +
            `interviewed ${t(s.endedAt).toRelative({ base: DateTime.fromJSDate(now) }) ?? ''}` +
            (s.draft ? ' · draft saved' : ''),
          LIMITS.sectionText,
        ),
      },
      accessory: {
        type: 'button',
        action_id: ACTIONS.writeScorecard,
        text: { type: 'plain_text', text: s.draft ? 'Continue' : 'Write scorecard' },
        value: s.scorecardId,
      },
    })),
  ];
}
