import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageChartPng, stageChartSvg } from '../../src/charts/stage-chart.js';
import type { StageRow } from '../../src/domain/digest/weekly-figures.js';

const rows: StageRow[] = [
  { stage: 'NEW', now: 5, weekAgo: 2, change: 3, medianHours: 20, left: 3 },
  { stage: 'SCREENING', now: 3, weekAgo: 4, change: -1, medianHours: null, left: 0 },
  { stage: 'SCHEDULING', now: 2, weekAgo: 1, change: 1, medianHours: null, left: 0 },
  { stage: 'INTERVIEW_SCHEDULED', now: 1, weekAgo: 0, change: 1, medianHours: null, left: 0 },
  { stage: 'INTERVIEWED', now: 1, weekAgo: 1, change: 0, medianHours: null, left: 0 },
  { stage: 'OFFER', now: 0, weekAgo: 0, change: 0, medianHours: null, left: 0 },
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the stage chart', () => {
  it('is an SVG with every stage, both weeks and the counts, and nothing else written in it', async () => {
    const svg = await stageChartSvg(rows);
    expect(svg).toMatch(/^<svg/);
    for (const word of ['New', 'Screening', 'Interview scheduled', 'Offer', 'A week ago', 'Now', '>5<'])
      expect(svg).toContain(word);
  });

  it('draws a PNG with the machine’s fonts, and still one without any font (bars, no words)', async () => {
    const withFonts = await stageChartPng(rows);
    const bare = await stageChartPng(rows, { fonts: 'none' });
    for (const png of [withFonts, bare]) expect(pngSize(png)).toEqual({ width: 1600, height: 840 });
    // Not blank: bars alone compress to a few kilobytes; text adds more.
    expect(bare.length).toBeGreaterThan(4_000);
    expect(withFonts.length).toBeGreaterThan(bare.length);
    // To look at: CHART_OUT=/tmp npx vitest run test/charts
    const out = process.env.CHART_OUT ?? tmpdir();
    writeFileSync(join(out, 'justin-stage-chart.png'), withFonts);
    writeFileSync(join(out, 'justin-stage-chart-no-fonts.png'), bare);
  });

  it('draws an empty pipeline too', async () => {
    const empty = rows.map((r) => ({ ...r, now: 0, weekAgo: 0, change: 0 }));
    expect(pngSize(await stageChartPng(empty)).width).toBe(1600);
  });
});
