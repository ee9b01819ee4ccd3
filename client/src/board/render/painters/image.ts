import { boxOf } from '../../engine/geometry/shape-geometry.ts';
import { expandBox } from '../../engine/geometry/math.ts';
import type { ShapeOf } from '../../engine/shape-model.ts';
import { BOARD_CHROME, TEXT_ON_PALE } from '../../palette.ts';
import { insetBox, LABEL_FONT_SIZE } from '../../text/text-style.ts';
import type { Painter } from './painter.ts';
import { drawCentredLines } from './text-block.ts';

type Image = ShapeOf<'image'>;

/** Dashes of the placeholder's border, in world units. */
const PLACEHOLDER_DASH = [6, 4];

/** The uploaded picture, or while it loads (or if it cannot be had) a dashed box with its description. */
export const imagePainter: Painter<Image> = {
  paint(context, shape, env) {
    const { x, y, w, h } = shape;
    const picture = env.images.get(shape.asset);
    if (picture !== null) {
      context.drawImage(picture, x, y, w, h);
      return;
    }
    context.fillStyle = BOARD_CHROME.missingImage;
    context.fillRect(x, y, w, h);
    context.save();
    context.setLineDash(PLACEHOLDER_DASH);
    context.strokeStyle = BOARD_CHROME.frameBorder;
    context.lineWidth = env.pixel;
    context.strokeRect(x, y, w, h);
    context.restore();
    if (env.lod !== 'full') return;
    const area = insetBox(shape, 8);
    const lines = env.text.lines(shape.id, shape.alt.trim() === '' ? 'Image' : shape.alt, area.w, area.h, LABEL_FONT_SIZE);
    drawCentredLines(context, lines, area, LABEL_FONT_SIZE, TEXT_ON_PALE);
  },
  far: (shape) => [{ kind: 'fill', color: BOARD_CHROME.missingImage, box: shape }],
  bounds: (shape) => expandBox(boxOf(shape), 1),
};
