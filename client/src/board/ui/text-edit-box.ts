/**
 * Where the in-place text editor goes over a shape and how its text is set, so that the letters
 * stay where the board draws them (`text/text-style.ts`) when a shape is opened for editing.
 */
import { worldToScreen, type Camera } from '../engine/camera.ts';
import { connectorEnds } from '../engine/geometry/connector.ts';
import { FRAME_TITLE_HEIGHT } from '../engine/geometry/frame.ts';
import type { Box } from '../engine/geometry/math.ts';
import type { ShapeLookup } from '../engine/geometry/shape-geometry.ts';
import type { Shape } from '../engine/shape-model.ts';
import { BOARD_CHROME, INK, TEXT_ON_PALE } from '../palette.ts';
import {
  centredTop,
  FRAME_TITLE_INSET,
  FRAME_TITLE_SIZE,
  LABEL_FONT_SIZE,
  LABEL_MAX_WIDTH,
  LABEL_PADDING,
  LINE_HEIGHT,
  SHAPE_FONT_SIZE,
  shapeTextArea,
  STICKY_FONT_SIZE,
  stickyTextArea,
} from '../text/text-style.ts';

/** Lines `text` takes at `fontSize` in `width` (world units). */
export type CountLines = (text: string, width: number, fontSize: number) => number;

/** The editor's box and text, in CSS pixels relative to the canvas. */
export interface TextEditBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly paddingTop: number;
  readonly paddingX: number;
  readonly align: 'left' | 'center';
  readonly bold: boolean;
  readonly color: string;
  /** Only where the board draws no background of its own under the text. */
  readonly background: string | null;
}

interface Placement {
  readonly box: Box;
  /** Where the text sits inside the box. */
  readonly area: Box;
  readonly fontSize: number;
  readonly centred: boolean;
  readonly bold?: boolean;
  readonly color?: string;
  readonly background?: string;
}

function placement(shape: Shape, lookup: ShapeLookup, countLines: CountLines): Placement | null {
  switch (shape.type) {
    case 'sticky':
      return { box: shape, area: stickyTextArea(shape), fontSize: STICKY_FONT_SIZE, centred: true };
    case 'rect':
    case 'ellipse':
    case 'diamond':
      return { box: shape, area: shapeTextArea(shape), fontSize: SHAPE_FONT_SIZE, centred: true };
    case 'text': {
      // Room for one more line than there is, so the editor does not scroll while typing.
      const height = Math.max(shape.h, (countLines(shape.text, shape.w, shape.fontSize) + 1) * shape.fontSize * LINE_HEIGHT);
      const box = { ...shape, h: height };
      return { box, area: box, fontSize: shape.fontSize, centred: false, color: INK[shape.color] ?? TEXT_ON_PALE };
    }
    case 'connector': {
      const [start, end] = connectorEnds(shape, lookup);
      const height = 2 * LABEL_FONT_SIZE * LINE_HEIGHT;
      const area = { x: (start.x + end.x - LABEL_MAX_WIDTH) / 2, y: (start.y + end.y - height) / 2, w: LABEL_MAX_WIDTH, h: height };
      const box = { x: area.x - LABEL_PADDING, y: area.y - LABEL_PADDING, w: area.w + 2 * LABEL_PADDING, h: area.h + 2 * LABEL_PADDING };
      return { box, area, fontSize: LABEL_FONT_SIZE, centred: true, background: BOARD_CHROME.background };
    }
    case 'frame': {
      const box = { x: shape.x, y: shape.y, w: shape.w, h: Math.min(FRAME_TITLE_HEIGHT, shape.h) };
      const area = { x: box.x + FRAME_TITLE_INSET, y: box.y + (box.h - FRAME_TITLE_SIZE * LINE_HEIGHT) / 2, w: box.w - 2 * FRAME_TITLE_INSET, h: FRAME_TITLE_SIZE * LINE_HEIGHT };
      return { box, area, fontSize: FRAME_TITLE_SIZE, centred: false, bold: true, color: BOARD_CHROME.frameTitle };
    }
    default:
      return null;
  }
}

/** The text the editor edits: a frame's title, any other shape's text. */
export function editedText(shape: Shape): string | null {
  if (shape.type === 'frame') return shape.title;
  return 'text' in shape ? shape.text : null;
}

export function textEditBox(shape: Shape, camera: Camera, lookup: ShapeLookup, countLines: CountLines): TextEditBox | null {
  const place = placement(shape, lookup, countLines);
  const text = editedText(shape);
  if (place === null || text === null) return null;
  const { box, area, fontSize, centred } = place;
  const lines = Math.max(1, countLines(text, area.w, fontSize));
  const textTop = centred ? Math.max(area.y, centredTop(area, lines, fontSize)) : area.y;
  const topLeft = worldToScreen(camera, box);
  const zoom = camera.zoom;
  return {
    left: topLeft.x,
    top: topLeft.y,
    width: box.w * zoom,
    height: box.h * zoom,
    fontSize: fontSize * zoom,
    paddingTop: (textTop - box.y) * zoom,
    paddingX: (area.x - box.x) * zoom,
    align: centred ? 'center' : 'left',
    bold: place.bold ?? false,
    color: place.color ?? TEXT_ON_PALE,
    background: place.background ?? null,
  };
}
