import { describe, expect, it } from 'vitest';
import { parseTeamCommand } from '../../../src/domain/team/parse-team-command.js';

describe('parseTeamCommand', () => {
  it.each([
    ['', { type: 'list' }],
    ['list', { type: 'list' }],
    ['add <@U0BOB|bob> recruiter', { type: 'grant', userId: 'U0BOB', label: 'bob', roles: ['RECRUITER'] }],
    [
      'add <@U0BOB> hm, interviewer',
      { type: 'grant', userId: 'U0BOB', label: 'U0BOB', roles: ['HIRING_MANAGER', 'INTERVIEWER'] },
    ],
    ['REMOVE <@W0ENT|e> Admin admin', { type: 'revoke', userId: 'W0ENT', label: 'e', roles: ['ADMIN'] }],
  ])('%s', (input, expected) => {
    expect(parseTeamCommand(input)).toEqual(expected);
  });

  it.each(['add bob recruiter', 'add <@U0BOB>', 'promote <@U0BOB> admin', 'add <@U0BOB> chef'])(
    'refuses %s with a reason',
    (input) => {
      const parsed = parseTeamCommand(input);
      expect(parsed.type).toBe('invalid');
    },
  );
});
