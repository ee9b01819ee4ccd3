/**
 * Widths of text in world units, for wrapping shape text the same way on the board, in the
 * in-place editor and in the exports. The browser measures with a canvas in the exported font; elsewhere (tests, a canvas-less
 * context) an estimate per character stands in, erring wide so that text never overflows.
 */

/** Width of `text` at `fontSize` world units. */
export type Measure = (text: string, fontSize: number, bold?: boolean) => number;

/** The system fonts of the app (`styles.css`), which the exported SVG names too. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/** Advance widths in ems, close to those of common sans-serif fonts. */
function charWidth(char: string): number {
  if (char === ' ') return 0.28;
  if ("ijlI.,;:!|'".includes(char)) return 0.28;
  if ('frt()[]{}"-'.includes(char)) return 0.36;
  if ('mwMW@%'.includes(char)) return 0.9;
  if (char >= '0' && char <= '9') return 0.56;
  if ((char.codePointAt(0) ?? 0) >= 0x2e80) return 1;
  if (char !== char.toLowerCase()) return 0.7;
  return 0.56;
}

const BOLD_WIDENING = 1.07;

export const approximateMeasure: Measure = (text, fontSize, bold = false) => {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize * (bold ? BOLD_WIDENING : 1);
};

/** The browser's own measure, or the estimate when no 2D canvas can be had. */
export function canvasMeasure(): Measure {
  const context = globalThis.document?.createElement('canvas').getContext('2d');
  if (!context) return approximateMeasure;
  return (text, fontSize, bold = false) => {
    context.font = `${bold ? 'bold ' : ''}${fontSize}px ${FONT_FAMILY}`;
    return context.measureText(text).width;
  };
}
