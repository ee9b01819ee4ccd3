/**
 * Shape text broken into lines, remembered per shape: wrapping measures every word, which is the
 * costliest part of drawing a note, and a note is drawn again at every tile and zoom level it
 * appears in. Layouts are in world units, so one serves every zoom.
 */
import type { Measure } from '../text/text-measure.ts';
import { linesThatFit } from '../text/text-style.ts';
import { fitLines, wrapText } from '../text/wrap-text.ts';

interface Entry {
  readonly text: string;
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly lines: readonly string[];
}

/** Beyond this many remembered layouts or word widths (a board with that many texts, then more), start over. */
const MAX_ENTRIES = 50_000;
/** Average advance of a character, in ems, for estimating without measuring. */
const AVERAGE_CHAR_EM = 0.55;

/**
 * Roughly how many lines `text` takes in `width`, without measuring a glyph: enough to draw the
 * grey bars that stand for text when zoomed out, for a fraction of the cost of wrapping it.
 */
export function estimatedLineCount(text: string, width: number, fontSize: number): number {
  if (width <= 0 || text.trim() === '') return 0;
  const perLine = Math.max(1, Math.floor(width / (fontSize * AVERAGE_CHAR_EM)));
  return text.split('\n').reduce((count, paragraph) => count + Math.max(1, Math.ceil(paragraph.trim().length / perLine)), 0);
}

export class TextLayouts {
  private readonly entries = new Map<string, Entry>();
  private readonly widths = new Map<string, number>();
  /** Widths of words and lines, remembered: the same words come back across a board's notes. */
  readonly measure: Measure;

  constructor(measure: Measure) {
    this.measure = (text, fontSize, bold = false) => {
      const key = `${fontSize}${bold ? 'b' : ''}|${text}`;
      let width = this.widths.get(key);
      if (width === undefined) {
        width = measure(text, fontSize, bold);
        if (this.widths.size >= MAX_ENTRIES) this.widths.clear();
        this.widths.set(key, width);
      }
      return width;
    };
  }

  /**
   * `text` wrapped to `width` at `fontSize`, cut with an ellipsis to the lines that fit in
   * `height` (all of them when `height` is Infinity). `slot` tells apart the texts of one shape.
   */
  lines(slot: string, text: string, width: number, height: number, fontSize: number): readonly string[] {
    const entry = this.entries.get(slot);
    if (entry !== undefined && entry.text === text && entry.width === width && entry.height === height && entry.fontSize === fontSize) return entry.lines;
    const wrapped = text.trim() === '' || width <= 0 ? [] : wrapText(text, width, fontSize, this.measure);
    const lines = height === Infinity ? wrapped : fitLines(wrapped, linesThatFit(height, fontSize), width, fontSize, this.measure);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(slot, { text, width, height, fontSize, lines });
    return lines;
  }
}
