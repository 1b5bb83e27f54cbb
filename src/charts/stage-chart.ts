import type { EChartsOption } from 'echarts';
import { stageLabel } from '../domain/pipeline/stages.js';
import type { StageRow } from '../domain/digest/weekly-figures.js';
import { svgToPng, type FontSource } from './render-png.js';

const WIDTH = 800;
const HEIGHT = 420;
const NOW = '#3f63e0';
const BEFORE = '#b9c2d0';

type ECharts = typeof import('echarts');
let echarts: Promise<ECharts> | undefined;
/** ECharts is large (≈0.4 s to import): loaded the first time a chart is drawn, never by a web process. */
const loadECharts = () => (echarts ??= import('echarts'));

/**
 * The pipeline's funnel as a picture: candidates per open stage now and a week ago, side by side,
 * the first stage at the top. Words in the picture are stage names and numbers only: nothing
 * anyone typed reaches it.
 */
export async function stageChartSvg(stages: readonly StageRow[]): Promise<string> {
  const { init } = await loadECharts();
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(stageChartOption(stages));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The same as PNG bytes (see render-png.ts for fonts). */
export async function stageChartPng(stages: readonly StageRow[], { fonts }: { fonts?: FontSource } = {}) {
  return svgToPng(await stageChartSvg(stages), fonts ? { fonts } : {});
}

function stageChartOption(stages: readonly StageRow[]): EChartsOption {
  const labels = stages.map((s) => stageLabel(s.stage)).reverse();
  const bar = (name: string, color: string, values: number[]) => ({
    name,
    type: 'bar' as const,
    data: values.reverse(),
    itemStyle: { color, borderRadius: [0, 3, 3, 0] },
    label: { show: true, position: 'right' as const, color: '#333', fontSize: 13 },
    barGap: '15%',
    barCategoryGap: '30%',
  });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'sans-serif' },
    title: { text: 'Candidates per stage', left: 16, top: 12, textStyle: { fontSize: 18, color: '#222' } },
    // ECharts measures text without the font resvg draws it with: the gap leaves room for a wider one.
    legend: {
      top: 16,
      right: 24,
      itemGap: 28,
      itemWidth: 14,
      itemHeight: 14,
      textStyle: { fontSize: 13, color: '#444' },
    },
    grid: { left: 24, right: 56, top: 64, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e6e9ef' } } },
    yAxis: { type: 'category', data: labels, axisTick: { show: false }, axisLabel: { fontSize: 14, color: '#333' } },
    series: [
      bar(
        'A week ago',
        BEFORE,
        stages.map((s) => s.weekAgo),
      ),
      bar(
        'Now',
        NOW,
        stages.map((s) => s.now),
      ),
    ],
  };
}
