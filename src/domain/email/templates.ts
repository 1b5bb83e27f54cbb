// Emails the team sends with one click. Plain words, no internal reasons: the rejection
// reason the team typed stays in Slack and the event log, never in the candidate's mail.

export const TEMPLATES = {
  standard: {
    label: 'Standard: not moving forward',
    body: (d: TemplateData) =>
      `Hi ${d.firstName},\n\nThank you for your interest in the ${d.roleTitle} role and for the time you gave us. After careful consideration we have decided not to move forward with your application.\n\nWe wish you all the best in your search.\n\nKind regards,\n${d.signature}`,
  },
  afterInterview: {
    label: 'After interviews',
    body: (d: TemplateData) =>
      `Hi ${d.firstName},\n\nThank you for meeting the team for the ${d.roleTitle} role. We enjoyed the conversations, and it was a close decision, but we will not be moving forward this time.\n\nThank you again for your time, and all the best.\n\nKind regards,\n${d.signature}`,
  },
  positionFilled: {
    label: 'Position filled',
    body: (d: TemplateData) =>
      `Hi ${d.firstName},\n\nThank you for applying for the ${d.roleTitle} role. The position has now been filled, so we are closing the remaining applications.\n\nWe appreciate your interest and hope our paths cross again.\n\nKind regards,\n${d.signature}`,
  },
} as const;

export type TemplateId = keyof typeof TEMPLATES;
export type TemplateData = { firstName: string; roleTitle: string; signature: string };

export function isTemplateId(value: string): value is TemplateId {
  return value in TEMPLATES;
}

export function renderTemplate(id: TemplateId, data: TemplateData): string {
  return TEMPLATES[id].body(data);
}

export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] || 'there';
}
