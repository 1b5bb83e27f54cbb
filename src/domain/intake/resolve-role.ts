import { plusTag } from './normalise-email.js';

export type OpenRole = { id: string; title: string; intakeTag: string | null };

export type RoleChoice =
  | { roleId: string; how: 'plus-address' | 'subject' | 'body' | 'only-open-role' }
  | { roleId: undefined; why: 'no-open-roles' | 'ambiguous' | 'no-match'; candidates: string[] };

/**
 * Which open role an application is for, in order of confidence: the +tag it was sent to
 * (jobs+backend@…), a role title named in the subject, then in the body, then the only open
 * role. Several matches, or none among several roles, means asking the team.
 */
export function resolveRole({
  recipients,
  subject,
  body,
  mailbox,
  roles,
}: {
  recipients: string[];
  subject: string;
  body: string;
  mailbox: string;
  roles: OpenRole[];
}): RoleChoice {
  if (roles.length === 0) return { roleId: undefined, why: 'no-open-roles', candidates: [] };
  for (const address of recipients) {
    const tag = plusTag(address, mailbox);
    const role = tag ? roles.find((r) => r.intakeTag?.toLowerCase() === tag) : undefined;
    if (role) return { roleId: role.id, how: 'plus-address' };
  }
  for (const [how, text] of [
    ['subject', subject],
    ['body', body.slice(0, 3000)],
  ] as const) {
    const named = roles.filter((r) => mentions(text, r.title));
    // The longest title wins when one contains another ("Senior Backend Engineer" over "Backend Engineer").
    const best = named.filter(
      (r) =>
        !named.some(
          (o) => o !== r && o.title.length > r.title.length && o.title.toLowerCase().includes(r.title.toLowerCase()),
        ),
    );
    if (best.length === 1) return { roleId: best[0]!.id, how };
    if (best.length > 1) return { roleId: undefined, why: 'ambiguous', candidates: best.map((r) => r.id) };
  }
  if (roles.length === 1) return { roleId: roles[0]!.id, how: 'only-open-role' };
  return { roleId: undefined, why: 'no-match', candidates: roles.map((r) => r.id) };
}

function mentions(text: string, title: string): boolean {
  const escaped = title
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}
