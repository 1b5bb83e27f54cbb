/** Escapes the three characters Slack's mrkdwn treats as markup in user-supplied text. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A team role as people say it: "hiring manager". */
export function teamRoleLabel(role: string): string {
  return role.toLowerCase().replace('_', ' ');
}
