import { Resvg } from '@resvg/resvg-js';

/** Where resvg finds fonts: the machine's (the default), or none at all (tests of a bare machine). */
export type FontSource = 'system' | 'none';

/** The family resvg uses for ECharts' `sans-serif`; another installed family stands in when it is absent. */
const SANS = 'DejaVu Sans';

/**
 * An SVG as PNG bytes on a white background, `scale` times its size (2: sharp on high-density
 * screens). Text is drawn with the machine's fonts; with none, resvg leaves the text out and
 * still draws everything else.
 */
export function svgToPng(svg: string, { scale = 2, fonts = 'system' }: { scale?: number; fonts?: FontSource } = {}) {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: fonts === 'system', defaultFontFamily: SANS, sansSerifFamily: SANS },
  });
  return Buffer.from(resvg.render().asPng());
}
