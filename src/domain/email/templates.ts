// Emails the team sends with one click. Plain words, no internal reasons: the reason the team
// typed stays in Slack and the event log, never in the candidate's mail. The signature is the
// one the team set (/hire settings); nothing here invents one.

export type TemplateData = { firstName: string; roleTitle: string; signature: string };
/** Which decision a template goes with. */
export type TemplateUse = 'reject' | 'withdraw';

export const TEMPLATES = {
  standard: {
    use: 'reject',
    label: 'Standard: not moving forward',
    body: (d: TemplateData) =>
      `Hi ${d.firstName},\n\nThank you for your interest in the ${d.roleTitle} role and for the time you gave us. ` +
      'After careful consideration we have decided not to move forward with your application.\n\nWe wish you all ' +
      `the best in your search.\n\nKind regards,\n${d.signature}`,
  },
  afterInterview: {
    use: 'reject',
    label: 'After interviews',
    body: (d: TemplateData) =>
      `Hi ${d.firstName},\n\nThank you for meeting the team for the ${d.roleTitle} role. We enjoyed the ` +
      'conversations, and it was a close decision, but we will not be moving forward this time.\n\nThank you ' +
      `again for your time, and all the best.\n\nKind regards,\n${d.signature}`,
  },
  positionFilled: {
    use: 'reject',
    label: 'Position filled',
    body: (d: TemplateData) =>
      `Hi ${d.firstName},\n\nThank you for applying for the ${d.roleTitle} role. The position has now been filled, ` +
      'so we are closing the remaining applications.\n\nWe appreciate your interest and hope our paths cross ' +
      `again.\n\nKind regards,\n${d.signature}`,
  },
  withdrawalNoted: {
    use: 'withdraw',
    label: 'Acknowledge the withdrawal',
    body: (d: TemplateData) =>
      `Hi ${d.firstName},\n\nThank you for letting us know. We have withdrawn your application for the ` +
      `${d.roleTitle} role and cancelled anything we had arranged.\n\nWe wish you all the best, and hope our ` +
      `paths cross again.\n\nKind regards,\n${d.signature}`,
  },
} as const satisfies Record<string, { use: TemplateUse; label: string; body: (d: TemplateData) => string }>;

export type TemplateId = keyof typeof TEMPLATES;

export function isTemplateId(value: string): value is TemplateId {
  return value in TEMPLATES;
}

/** The templates for one decision, as [id, template]. */
export function templatesFor(use: TemplateUse): Array<[TemplateId, (typeof TEMPLATES)[TemplateId]]> {
  return (Object.entries(TEMPLATES) as Array<[TemplateId, (typeof TEMPLATES)[TemplateId]]>).filter(
    ([, t]) => t.use === use,
  );
}

export function renderTemplate(id: TemplateId, data: TemplateData): string {
  return TEMPLATES[id].body(data);
}

export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] || 'there';
}
