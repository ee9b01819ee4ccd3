/**
 * The colours behind the French colour names of the board schema, defined once for everything
 * that paints shapes (the canvas renderer and the exports), so a sticky is the same yellow on
 * screen, in a PNG and in a PDF. `null` is « aucun »: nothing is painted.
 */
import type { InkColor, StickyColor } from '@eprouvette/shared';

/** Text on stickies and on filled shapes: every background it sits on is pale enough for AA. */
export const TEXT_ON_PALE = '#1c2426';

/** Pale, so that dark text on a sticky stays readable (4.5:1 at least, see the palette test). */
export const STICKY_FILLS: Readonly<Record<StickyColor, string>> = {
  jaune: '#fff1a1',
  orange: '#ffd9ad',
  rose: '#fcd0e0',
  violet: '#e3d7f7',
  bleu: '#d2e4fb',
  vert: '#cfedd3',
  gris: '#e3e7e8',
};

/**
 * Strokes, connectors, freehand and text shapes, which sit on the white board: each reads at
 * 4.5:1 on white so that a text shape is readable in any of them.
 */
export const INK: Readonly<Record<InkColor, string | null>> = {
  noir: '#1c2426',
  gris: '#5b6670',
  bleu: '#1f4fd1',
  vert: '#1b6e35',
  rouge: '#b42318',
  orange: '#a8420a',
  violet: '#6b3fb0',
  aucun: null,
};

/**
 * Fills of rectangles, ellipses and diamonds: pale tints of the ink, because the shape's own
 * text is written over its fill in `TEXT_ON_PALE`.
 */
export const INK_TINTS: Readonly<Record<InkColor, string | null>> = {
  noir: '#d5dadb',
  gris: '#eceff0',
  bleu: '#dbe6fb',
  vert: '#d8efdd',
  rouge: '#fbdcd8',
  orange: '#fde4cb',
  violet: '#e9dff8',
  aucun: null,
};

/** What surrounds the shapes: the board itself and the chrome of frames. */
export const BOARD_CHROME = {
  background: '#ffffff',
  frameFill: '#ffffff',
  frameBorder: '#6b7a7d',
  frameTitleBar: '#eef1f0',
  frameTitle: TEXT_ON_PALE,
  /** Where an image could not be loaded. */
  missingImage: '#eceff0',
} as const;
