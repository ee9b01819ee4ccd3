import type { Box } from '../../engine/geometry/math.ts';
import { FONT_FAMILY } from '../../text/text-measure.ts';
import { baselineOffset, centredTop, LINE_HEIGHT } from '../../text/text-style.ts';
import type { Context2D } from '../tile-cache.ts';

export function fontFor(fontSize: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${fontSize}px ${FONT_FAMILY}`;
}

export interface LinesStyle {
  readonly fontSize: number;
  readonly color: string;
  readonly align: 'start' | 'centre';
  readonly bold?: boolean;
}

/** Draws lines from `top`, starting at `x` or centred on it. */
export function drawLines(context: Context2D, lines: readonly string[], x: number, top: number, style: LinesStyle): void {
  if (lines.length === 0) return;
  context.font = fontFor(style.fontSize, style.bold);
  context.fillStyle = style.color;
  context.textAlign = style.align === 'centre' ? 'center' : 'left';
  context.textBaseline = 'alphabetic';
  const lineHeight = style.fontSize * LINE_HEIGHT;
  const baseline = top + baselineOffset(style.fontSize);
  lines.forEach((line, index) => context.fillText(line, x, baseline + index * lineHeight));
}

/** Lines centred both ways in `area`. */
export function drawCentredLines(context: Context2D, lines: readonly string[], area: Box, fontSize: number, color: string): void {
  drawLines(context, lines, area.x + area.w / 2, centredTop(area, lines.length, fontSize), { fontSize, color, align: 'centre' });
}

/** Grey bars where lines of text are, for zoom levels at which letters cannot be read anyway. */
export function drawLinePlaceholders(context: Context2D, lineCount: number, area: Box, top: number, fontSize: number, centred: boolean): void {
  const lineHeight = fontSize * LINE_HEIGHT;
  context.fillStyle = 'rgba(28, 36, 38, 0.28)';
  for (let index = 0; index < lineCount; index++) {
    const w = area.w * (index === lineCount - 1 && lineCount > 1 ? 0.6 : 0.9);
    const x = centred ? area.x + (area.w - w) / 2 : area.x;
    context.fillRect(x, top + index * lineHeight + lineHeight * 0.3, w, lineHeight * 0.45);
  }
}
