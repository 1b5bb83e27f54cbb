import { describe, expect, it } from 'vitest';
import { parseTeamCommand } from '../../src/domain/team/parse-team-command.js';

// Slack ids typed into a command are Slack's shape or nothing; what was typed is not echoed
// back when it holds control characters.
describe('/hire team refuses what is not a Slack id', () => {
  it('a 100 KB "user id" is invalid, not stored', () => {
    expect(parseTeamCommand(`add <@U${'A'.repeat(100_000)}> recruiter`).type).toBe('invalid');
  });

  it('a label with control characters is kept without them', () => {
    expect(parseTeamCommand('add <@U0ADA|a\u0000d\u202Ea> recruiter')).toMatchObject({ label: 'ada' });
  });

  it('a real id with a label is taken', () => {
    expect(parseTeamCommand('add <@U0ADA|ada> recruiter')).toMatchObject({ type: 'grant', userId: 'U0ADA' });
  });

  it.each(['recruit\u202Eer', 'x\u0000', '`<!here>`', 'a'.repeat(5000)])('does not echo the role %j', (word) => {
    const parsed = parseTeamCommand(`add <@U0ADA> ${word}`);
    expect(parsed.type).toBe('invalid');
    const reason = (parsed as { reason: string }).reason;
    expect(reason).not.toMatch(/[\u0000\u202E<]/);
    expect(reason.length).toBeLessThan(200);
  });
});
