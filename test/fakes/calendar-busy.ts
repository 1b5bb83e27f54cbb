export type Span = { start: string; end: string };

/** Spans clipped to [from, to), sorted, with overlapping or touching ones merged (as freeBusy answers). */
export function clipAndMerge(spans: Span[], from: string | undefined, to: string | undefined): Span[] {
  const lo = from ? Date.parse(from) : -Infinity;
  const hi = to ? Date.parse(to) : Infinity;
  const clipped = spans
    .map((s) => ({ start: Math.max(Date.parse(s.start), lo), end: Math.min(Date.parse(s.end), hi) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of clipped) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() }));
}

/** Whether [start, end) and [from, to) share time. */
export function overlaps(span: Span, from: string | null, to: string | null): boolean {
  return (!to || Date.parse(span.start) < Date.parse(to)) && (!from || Date.parse(span.end) > Date.parse(from));
}
