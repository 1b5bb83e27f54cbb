import { fit, LIMITS } from './limits.js';
import { escapeControl, escapeInCode } from './text.js';

type Message = { response_type: 'ephemeral'; text: string; blocks: Record<string, unknown>[] };

const USAGE = [
  ['`/candidate <name | email | skill>`', 'find a candidate; results are shown only to you'],
  ['`/pipeline [role]`', 'where every candidate stands, and who is stuck'],
  ['`/interviews [today | week | @person]`', 'upcoming interviews, in your time zone'],
  [
    '`/hire role new`',
    'open a role: details, people, channel and interview plan; `/hire role edit|pause|close|reopen <title>`',
  ],
  ['`/hire me`', 'your interviewing settings: working hours, days off, limits, calendar'],
  [
    '`/hire team`',
    'who is on the hiring team; admins: `/hire team add @person recruiter` (or admin, hiring-manager, interviewer), ' +
      '`/hire team remove …`',
  ],
  ['`/hire intake #channel`', 'admins: where Justin asks which role an application is for'],
  [
    '`/hire agent stop <email>`',
    'stop the scheduling agent writing to one candidate (`start` resumes); admins: `/hire agent stop all`',
  ],
  ['`/hire candidate erase <email>`', 'admins: erase everything Justin holds about a candidate (asks first)'],
  ['`/hire connect google`', 'admins: a link to connect the recruiting mailbox (Gmail and Calendar)'],
  ['`/hire settings`', 'admins: the signature under the emails the team sends'],
  [
    '`/hire claim <code>`',
    'only while Justin has no admin: become its first admin with the code from its start log or status page',
  ],
  ['`/hire help`', 'this message'],
];

/** `/hire help`, and the answer to anything we do not understand (with what was typed). */
export function helpMessage({ unknown }: { unknown?: string } = {}): Message {
  const intro = unknown
    ? `I don't know \`${fit(escapeInCode(unknown), 200)}\` yet. Here is what I can do:`
    : "I'm Justin. I run your hiring in Slack and talk to candidates by email. Here is what you can ask me:";
  return {
    response_type: 'ephemeral',
    text: intro,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(intro, LIMITS.sectionText) } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: USAGE.map(([cmd, what]) => escapeControl(`${cmd}: ${what}`)).join('\n') },
      },
    ],
  };
}

/** A private "you may not" with what to do about it. */
export function refusalMessage(what: string): Message {
  const text = `Sorry, ${what} is for the hiring team. Ask an admin to add you (\`/hire help\`).`;
  return { response_type: 'ephemeral', text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** What anyone is told while the workspace has no admin: how the first one is made. */
export function noAdminYetMessage(): Message {
  const text =
    'Justin has no admin yet. Whoever runs Justin finds a one-time code in its start log, or on its status page ' +
    'opened on that machine, and types `/hire claim &lt;code&gt;` here: they become the first admin and add everyone ' +
    'else with `/hire team add`.';
  return { response_type: 'ephemeral', text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** A short private answer. */
export function plainMessage(text: string): Message {
  const t = fit(text, LIMITS.sectionText);
  return { response_type: 'ephemeral', text: t, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t } }] };
}
