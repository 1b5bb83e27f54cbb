import type { TeamRole } from '../../services/team/team-roles.js';

export type TeamCommand =
  | { type: 'list' }
  | { type: 'grant' | 'revoke'; userId: string; label: string; roles: TeamRole[] }
  | { type: 'invalid'; reason: string };

const PLAIN_WORD = /^[\p{L}\p{N}_-]{1,30}$/u;

const ROLE_WORDS: Record<string, TeamRole> = {
  admin: 'ADMIN',
  recruiter: 'RECRUITER',
  'hiring-manager': 'HIRING_MANAGER',
  hiring_manager: 'HIRING_MANAGER',
  hm: 'HIRING_MANAGER',
  interviewer: 'INTERVIEWER',
};

/**
 * Parses `/hire team …` arguments: `` (list), `add @user role[,role]`, `remove @user role`.
 * Slack escapes mentions as <@U123|name> when the command has should_escape set.
 */
export function parseTeamCommand(args: string): TeamCommand {
  const text = args.trim();
  if (!text || text === 'list') return { type: 'list' };
  const m = /^(add|grant|remove|revoke)\s+<@([UW][A-Z0-9]{2,20})(?:\|([^>]{0,80}))?>\s+(.+)$/i.exec(text);
  if (!m)
    return {
      type: 'invalid',
      reason: 'use `/hire team add @person recruiter` or `/hire team remove @person interviewer`',
    };
  const words = m[4]!
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const unknown = words.filter((w) => !ROLE_WORDS[w]);
  if (unknown.length) {
    // Only plain words are repeated back: what was typed may hold NUL, bidi overrides or markup.
    const named = unknown.every((w) => PLAIN_WORD.test(w)) ? ` ${unknown.map((w) => `\`${w}\``).join(', ')}` : '';
    return { type: 'invalid', reason: `unknown role${named}: use admin, recruiter, hiring-manager or interviewer` };
  }
  return {
    type: /^(add|grant)$/i.test(m[1]!) ? 'grant' : 'revoke',
    userId: m[2]!,
    // The name Slack put in the mention, without control or bidi characters (it is stored in the audit).
    label: (m[3] || m[2]!).replace(/\p{C}/gu, '') || m[2]!,
    roles: [...new Set(words.map((w) => ROLE_WORDS[w]!))],
  };
}
