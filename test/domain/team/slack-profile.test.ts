import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../../../src/domain/scheduling/scheduling-policy.js';
import { readSlackProfile, ZSlackUser, type StoredPerson } from '../../../src/domain/team/slack-profile.js';

const placeholder: StoredPerson = { name: 'U0ADA', email: null, timeZone: 'UTC', calendarId: null, workingHours: null };
const synced: StoredPerson = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  timeZone: 'Europe/London',
  calendarId: 'ada@example.com',
  workingHours: DEFAULT_WORKING_HOURS,
};
const slack = (user: Record<string, unknown>) => ZSlackUser.parse({ id: 'U0ADA', ...user });

describe('readSlackProfile', () => {
  it.each<[string, StoredPerson, Record<string, unknown>, Record<string, unknown>]>([
    [
      'fills a placeholder row',
      placeholder,
      {
        real_name: 'Ada L',
        tz: 'Europe/London',
        profile: { real_name: 'Ada Lovelace', display_name: 'ada', email: 'Ada@Example.com' },
      },
      {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        timeZone: 'Europe/London',
        calendarId: 'ada@example.com',
        workingHours: DEFAULT_WORKING_HOURS,
      },
    ],
    [
      'falls back to real_name, then the display name',
      placeholder,
      { real_name: 'Ada L', profile: { display_name: 'ada' } },
      { name: 'Ada L', workingHours: DEFAULT_WORKING_HOURS },
    ],
    [
      'uses the display name last',
      placeholder,
      { profile: { real_name: ' ', display_name: 'ada' } },
      { name: 'ada', workingHours: DEFAULT_WORKING_HOURS },
    ],
    [
      'changes nothing that is the same',
      synced,
      { tz: 'Europe/London', profile: { real_name: 'Ada Lovelace', email: 'ada@example.com' } },
      {},
    ],
    ['picks up a new time zone', synced, { tz: 'America/New_York' }, { timeZone: 'America/New_York' }],
    ['refuses an abbreviation as a zone', synced, { tz: 'IST' }, {}],
    ['keeps everything without an email (no users:read.email)', synced, { profile: { real_name: 'Ada Lovelace' } }, {}],
    [
      'ignores an email that is not one',
      { ...placeholder, workingHours: {} },
      { profile: { email: 'not an address' } },
      {},
    ],
    [
      'moves a calendar that was the old email to the new one',
      synced,
      { profile: { email: 'ada@new.example.com' } },
      { email: 'ada@new.example.com', calendarId: 'ada@new.example.com' },
    ],
    [
      'keeps a calendar the person chose',
      { ...synced, calendarId: 'c_1@group.calendar.google.com' },
      { profile: { email: 'ada@new.example.com' } },
      { email: 'ada@new.example.com' },
    ],
  ])('%s', (_label, stored, user, changes) => {
    expect(readSlackProfile(stored, slack(user))).toEqual({ kind: 'person', changes });
  });

  it.each([
    [{ deleted: true, tz: 'Europe/London', profile: { email: 'ada@example.com' } }, 'deleted'],
    [{ is_bot: true, profile: { real_name: 'Deploy bot' } }, 'bot'],
  ])('never fills in a deleted account or a bot: %j', (user, reason) => {
    expect(readSlackProfile(placeholder, slack(user))).toEqual({ kind: 'inactive', reason });
  });

  it('accepts what Slack leaves out or sends as null', () => {
    expect(ZSlackUser.safeParse({ id: 'W0ENT', tz: null, profile: null }).success).toBe(true);
    expect(ZSlackUser.safeParse({ id: 'not-a-user' }).success).toBe(false);
  });
});
