/**
 * Shape text broken into lines (neither a canvas nor an SVG `<text>` wraps): at spaces, at
 * explicit line breaks, and inside a word only when the word alone is too wide. The board, the
 * in-place editor and the exports all wrap with it, so lines break at the same words everywhere.
 */
import type { Measure } from './text-measure.ts';

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** A word too wide for a line, in pieces that fit (at least one character each, however narrow the line). */
function breakWord(word: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of graphemes(word)) {
    if (piece !== '' && measure(piece + char, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = char;
    } else {
      piece += char;
    }
  }
  pieces.push(piece);
  return pieces;
}

function wrapParagraph(paragraph: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  const words = paragraph.split(/[ \t]+/).filter((word) => word !== '');
  if (words.length === 0) return [''];
  const space = measure(' ', fontSize);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    const width = measure(word, fontSize);
    // Widths are summed word by word, not remeasured per line, so a long text wraps in linear time.
    if (line !== '' && lineWidth + space + width <= maxWidth) {
      line += ` ${word}`;
      lineWidth += space + width;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = width <= maxWidth ? [word] : breakWord(word, maxWidth, fontSize, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) as string;
    lineWidth = measure(line, fontSize);
  }
  lines.push(line);
  return lines;
}

/** The lines of `text` within `maxWidth`; an empty line stays, as the author typed it. */
export function wrapText(text: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  return text.split(/\r\n|\r|\n/).flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, fontSize, measure));
}

/** `line` cut and ended with an ellipsis when wider than `maxWidth`. */
export function truncateLine(line: string, maxWidth: number, fontSize: number, measure: Measure, bold = false): string {
  if (measure(line, fontSize, bold) <= maxWidth) return line;
  const chars = graphemes(line);
  while (chars.length > 0 && measure(chars.join('').trimEnd() + ELLIPSIS, fontSize, bold) > maxWidth) chars.pop();
  return chars.length === 0 ? '' : chars.join('').trimEnd() + ELLIPSIS;
}

/** At most `maxLines` lines, the last ending with an ellipsis when some text was left out. */
export function fitLines(lines: readonly string[], maxLines: number, maxWidth: number, fontSize: number, measure: Measure): string[] {
  if (lines.length <= maxLines) return [...lines];
  if (maxLines <= 0) return [];
  const kept = lines.slice(0, maxLines);
  const last = kept.pop() as string;
  return [...kept, truncateLine(`${last}${ELLIPSIS}`, maxWidth, fontSize, measure)];
}
