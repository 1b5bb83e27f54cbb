import { z } from 'zod';
import { DEFAULT_WORKING_HOURS, type StoredWorkingHours } from '../scheduling/scheduling-policy.js';
import { isZoneName } from '../time/zone-name.js';

// What Justin takes from a Slack member's profile (users.info, or a user_change event) for
// their User row. Slack leaves fields out freely (no email without users:read.email, no tz
// for a deleted account), so everything but the id is optional and missing means "keep".

export const ZSlackUser = z.object({
  id: z.string().regex(/^[UW][A-Z0-9]+$/),
  deleted: z.boolean().nullish(),
  is_bot: z.boolean().nullish(),
  real_name: z.string().nullish(),
  tz: z.string().nullish(),
  profile: z
    .object({
      real_name: z.string().nullish(),
      display_name: z.string().nullish(),
      email: z.string().nullish(),
    })
    .nullish(),
});
export type SlackUser = z.output<typeof ZSlackUser>;

/** The part of a User row a sync may change. */
export type StoredPerson = {
  name: string;
  email: string | null;
  timeZone: string;
  calendarId: string | null;
  workingHours: unknown;
};

export type PersonChanges = Partial<{
  name: string;
  email: string;
  timeZone: string;
  calendarId: string;
  workingHours: StoredWorkingHours;
}>;

export type ProfileReading =
  | { kind: 'inactive'; reason: 'deleted' | 'bot' }
  | { kind: 'person'; changes: PersonChanges };

/** Shaped like an email address: what Google accepts as a calendar id too. */
export function isAddressShaped(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]+$/.test(value);
}

/**
 * The changes a Slack profile makes to a stored person, only the fields that differ. A deleted
 * account or a bot is not a person to schedule: it is reported, never filled in.
 */
export function readSlackProfile(stored: StoredPerson, user: SlackUser): ProfileReading {
  if (user.deleted) return { kind: 'inactive', reason: 'deleted' };
  if (user.is_bot) return { kind: 'inactive', reason: 'bot' };
  const changes: PersonChanges = {};
  const name = [user.profile?.real_name, user.real_name, user.profile?.display_name]
    .map((n) => n?.trim())
    .find((n) => !!n);
  if (name && name !== stored.name) changes.name = name;
  const rawEmail = user.profile?.email?.trim().toLowerCase();
  const email = rawEmail && isAddressShaped(rawEmail) ? rawEmail : undefined;
  if (email && email !== stored.email) changes.email = email;
  // An abbreviation or legacy name (Slack has sent "IST"-like values for odd accounts) would
  // be read by ICU with one guessed meaning: keep the stored zone instead.
  if (user.tz && isZoneName(user.tz) && user.tz !== stored.timeZone) changes.timeZone = user.tz;
  // A calendar id someone chose stays; one that was only their address follows a new address.
  const defaulted = stored.calendarId === null || stored.calendarId === stored.email;
  if (email && defaulted && stored.calendarId !== email) changes.calendarId = email;
  // Stored explicitly, so the settings modal shows what the scheduler uses.
  if (stored.workingHours === null || stored.workingHours === undefined) changes.workingHours = DEFAULT_WORKING_HOURS;
  return { kind: 'person', changes };
}
