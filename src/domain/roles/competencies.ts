import { randomUUID } from 'node:crypto';
import { z } from 'zod';

// What an interview step assesses. Stored on InterviewStage.competencies; typed in the role
// modal one per line, "Name: what good looks like". Scorecards rate each by its id, and an
// edit keeps the id of every competency whose name stays (in any case), so a renamed step or
// a reordered list does not move anyone's ratings to another competency.

export const MAX_COMPETENCIES = 8;
export const MAX_NAME = 60;
export const MAX_GOOD = 300;

export const ZCompetency = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(MAX_NAME),
  good: z.string().max(MAX_GOOD).default(''),
});
export type Competency = z.output<typeof ZCompetency>;

/** A step's stored competencies; anything unreadable counts as none, never as an error. */
export function competenciesOf(stored: unknown): Competency[] {
  const parsed = z.array(ZCompetency).safeParse(stored);
  return parsed.success ? parsed.data : [];
}

export type CompetencyLine = { name: string; good: string };

/**
 * Reads the modal's text: one competency per line, the name before the first colon (or dash
 * between spaces), what good looks like after it. Blank lines are skipped.
 */
export function readCompetencyLines(
  text: string,
): { ok: true; items: CompetencyLine[] } | { ok: false; error: string } {
  const items: CompetencyLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim();
    if (!line) continue;
    const split = /^(.*?)(?::|\s[–—-]\s)(.*)$/.exec(line);
    const name = (split ? split[1]! : line).trim();
    const good = (split ? split[2]! : '').trim();
    if (!name) return { ok: false, error: `“${line.slice(0, 40)}” has no name before its colon.` };
    if (name.length > MAX_NAME) return { ok: false, error: `Keep each name under ${MAX_NAME} characters.` };
    if (good.length > MAX_GOOD)
      return { ok: false, error: `Keep “what good looks like” under ${MAX_GOOD} characters for ${name}.` };
    if (items.some((i) => sameName(i.name, name))) return { ok: false, error: `${name} is listed twice.` };
    items.push({ name, good });
  }
  if (items.length > MAX_COMPETENCIES)
    return { ok: false, error: `At most ${MAX_COMPETENCIES} competencies per step (${items.length} given).` };
  return { ok: true, items };
}

/** The modal's text for stored competencies: what readCompetencyLines reads back the same. */
export function competencyLines(items: Competency[]): string {
  return items.map((c) => (c.good ? `${c.name}: ${c.good}` : c.name)).join('\n');
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The step's competencies after an edit: a name kept keeps its id; a new name gets a new one. */
export function mergeCompetencies(
  existing: Competency[],
  submitted: CompetencyLine[],
  newId: () => string = randomUUID,
): Competency[] {
  return submitted.map((line) => {
    const was = existing.find((c) => sameName(c.name, line.name));
    return { id: was?.id ?? newId(), name: line.name, good: line.good };
  });
}
