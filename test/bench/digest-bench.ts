import { svgToPng } from '../../src/charts/render-png.js';
import { stageChartSvg } from '../../src/charts/stage-chart.js';
import type { StageRow } from '../../src/domain/digest/weekly-figures.js';

// The weekly digest's chart, drawn as the performer draws it: ECharts' server-side SVG, then
// resvg's PNG at twice the size, with the machine's fonts and with none. The first drawing
// includes importing ECharts (the performer imports it on first use).

const ROWS: StageRow[] = [
  { stage: 'NEW', now: 14, weekAgo: 9, change: 5, medianHours: 30, left: 6 },
  { stage: 'SCREENING', now: 6, weekAgo: 7, change: -1, medianHours: 50, left: 4 },
  { stage: 'SCHEDULING', now: 4, weekAgo: 3, change: 1, medianHours: 20, left: 3 },
  { stage: 'INTERVIEW_SCHEDULED', now: 3, weekAgo: 2, change: 1, medianHours: 70, left: 2 },
  { stage: 'INTERVIEWED', now: 2, weekAgo: 2, change: 0, medianHours: 40, left: 1 },
  { stage: 'OFFER', now: 1, weekAgo: 0, change: 1, medianHours: null, left: 0 },
];

export type DigestBench = { firstMs: number; svgMs: number; pngMs: number; bareMs: number; bytes: number; n: number };

export async function benchDigestChart(n = 30): Promise<DigestBench> {
  const t0 = performance.now();
  await stageChartSvg(ROWS);
  const firstMs = performance.now() - t0;
  let svgMs = 0;
  let pngMs = 0;
  let bareMs = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const a = performance.now();
    const svg = await stageChartSvg(ROWS);
    const b = performance.now();
    bytes = svgToPng(svg).length;
    const c = performance.now();
    svgToPng(svg, { fonts: 'none' });
    const d = performance.now();
    svgMs += b - a;
    pngMs += c - b;
    bareMs += d - c;
  }
  return { firstMs, svgMs: svgMs / n, pngMs: pngMs / n, bareMs: bareMs / n, bytes, n };
}
