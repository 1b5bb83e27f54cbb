import { expect } from 'vitest';
import type { FakeMessage } from '../../fakes/slack-api.js';
import type { Candidate } from './candidate.js';
import type { FieldValue } from './modal-state.js';
import type { Person } from './slack-person.js';
import { textOf } from './slack-surface.js';
import type { JourneyWorld } from './world.js';

/** Acme's hiring team and its channel: the cast of every journey. */
export function acme(world: JourneyWorld) {
  return {
    /** Installed Justin; becomes its first admin. */
    ada: world.person('U0ADA', 'Ada Admin'),
    rita: world.person('U0RITA', 'Rita Recruiter'),
    /** Hiring manager of the backend role; no team role of his own. */
    hugo: world.person('U0HUGO', 'Hugo Manager', { tz: 'Europe/London' }),
    bea: world.person('U0BEA', 'Bea Interviewer'),
    carl: world.person('U0CARL', 'Carl Interviewer', { tz: 'Europe/Madrid' }),
    /** In the workspace, not on the hiring team. */
    sam: world.person('U0SAM', 'Sam Someone'),
    hiring: world.channel('C0HIRING', 'hiring-backend'),
  };
}

export type Acme = ReturnType<typeof acme>;

/** The claim code the status page shows on the machine itself while Justin has no admin. */
export async function claimCode(world: JourneyWorld): Promise<string> {
  const page = await world.open('/');
  const code = /\/hire claim ([A-Z0-9-]{6,})/.exec(page.html)?.[1];
  if (!code)
    throw new Error(`the status page shows no claim code:\n${page.html.replace(/<[^>]+>/g, ' ').slice(0, 2000)}`);
  return code;
}

/** Opens the link Justin gives for connecting Google, and consents as the mailbox. */
export async function connectGoogle(world: JourneyWorld, admin: Person): Promise<string> {
  const reply = await (await admin.runs('/hire connect google')).text();
  const link = /https?:\/\/\S+\/google\/connect\?\S+/.exec(reply)?.[0];
  if (!link) throw new Error(`no connect link in: ${reply}`);
  return (await world.open(link)).html;
}

/**
 * The first day, as the journeys' common start: Ada claims Justin, builds the team, connects
 * Google, sets the email signature, and Rita opens the backend role with two steps. Each step
 * is checked where it is the subject of a journey (first-day.test.ts); here they only must work.
 */
export async function firstDay(
  world: JourneyWorld,
  team: Acme,
  {
    holdProposedSlots = false,
    role = {},
  }: {
    holdProposedSlots?: boolean;
    /** More of the role form, by block id, as Rita fills it in (competencies, after-interview settings …). */
    role?: Record<string, FieldValue>;
  } = {},
): Promise<void> {
  const { ada, rita, bea, carl, hugo, hiring } = team;
  expect(await (await ada.runs(`/hire claim ${await claimCode(world)}`)).text()).toMatch(/admin/i);
  for (const [who, role] of [
    [rita, 'recruiter'],
    [bea, 'interviewer'],
    [carl, 'interviewer'],
  ] as const) {
    expect(await (await ada.runs(`/hire team add ${who} ${role}`)).text()).toMatch(/^Done/);
  }
  expect(await connectGoogle(world, ada)).toMatch(/Connected/);
  const settings = await (await ada.runs('/hire settings')).modal();
  expect((await ada.submits(settings, { signature: 'The Acme hiring team' })).errors).toBeUndefined();
  const form = await (await rita.runs('/hire role new', { in: hiring.id })).modal();
  const opened = await rita.submits(form, {
    title: 'Backend Engineer',
    requirements: 'TypeScript and Postgres in production.',
    hiring_manager: hugo,
    recruiter: rita,
    channel: hiring.id,
    stage_0_name: 'Intro call',
    stage_0_duration: '30 minutes',
    stage_0_pool: [bea, carl],
    stage_1_name: 'Technical interview',
    stage_1_duration: '60 minutes',
    stage_1_kind: 'Technical',
    stage_1_pool: [bea, carl],
    stage_1_needed: 'The whole pool (panel)',
    ...(holdProposedSlots ? { options: ['hold'] } : {}),
    ...role,
  });
  expect(opened.errors).toBeUndefined();
  await world.message(hiring.id, /Backend Engineer is open/);
  await world.settled();
}

/** An application by email, until its card is in the role's channel. */
export async function applies(world: JourneyWorld, team: Acme, candidate: Candidate): Promise<FakeMessage> {
  await candidate.emails({
    subject: 'Application: Backend Engineer',
    text: `Hello,\n\nI would like to apply for the Backend Engineer role. My CV is attached.\n\n${candidate.name}`,
    cv: [candidate.name, 'Software engineer', 'TypeScript, Postgres, distributed systems'],
  });
  return world.cardSays(team.hiring.id, candidate.name, /Stage\nNew/);
}

/**
 * From a new card to a booked first interview: screening, times proposed and approved, the
 * options emailed, the candidate's choice, the booking. Returns the proposal message.
 */
export async function booksFirstInterview(
  world: JourneyWorld,
  team: Acme,
  candidate: Candidate,
  { option = 2 } = {},
): Promise<void> {
  const card = await offersFirstTimes(world, team, candidate);
  const seen = candidate.inbox().length;
  await candidate.replies(`Option ${option} works for me, thank you.`);
  const confirmation = await candidate.receives(seen);
  expect(confirmation.text).toMatch(/You are booked/);
  await world.cardSays(team.hiring.id, candidate.name, /Interview scheduled \(step 1 of \d\)/);
  expect(textOf(card)).toMatch(/Interview scheduled/);
}

/** From a new card to the options in the candidate's inbox (times proposed, approved, emailed). */
export async function offersFirstTimes(world: JourneyWorld, team: Acme, candidate: Candidate): Promise<FakeMessage> {
  const card = await world.card(team.hiring.id, candidate.name);
  await team.hugo.clicks(card, 'Advance to screening');
  await world.cardSays(team.hiring.id, candidate.name, /Stage\nScreening/);
  await team.hugo.clicks(card, 'Schedule: Intro call');
  const proposal = await world.message(team.hiring.id, new RegExp(`Times for ${candidate.name}: Intro call`));
  const seen = candidate.inbox().length;
  await team.rita.clicks(proposal, 'Approve all');
  const options = await candidate.receives(seen);
  expect(options.text).toMatch(/^1\. /m);
  return card;
}
