/**
 * Assembles the shapes of a board template: positions relative to where the template is dropped,
 * paint order = creation order (a frame before its content) on top of everything already on the
 * board, connector boxes derived from their ends.
 */
import { withConnectorBox } from './bindings.ts';
import { keysBetween } from './fractional-index.ts';
import type { Box, Point } from './geometry.ts';
import type { Connector, Endpoint, InkColor, Shape, StickyColor } from './schema.ts';

export interface TemplateInput {
  /** Where the template's top-left corner goes, in world units. */
  at: Point;
  /** User id recorded as the author of every shape. */
  author: string;
  newId: () => string;
  /** z of the topmost shape already on the board, so the template lands above it. */
  above: string | null;
}

/** A connector end while building: glued to a shape built before, or a point relative to `at`. */
export type DraftEnd = { shapeId: string; ax: number; ay: number } | Point;

export interface TemplateBuilder {
  frame(title: string, box: Box, parent?: string | null): string;
  text(text: string, box: Box, parent: string | null, fontSize?: number): string;
  sticky(text: string, box: Box, parent: string | null, color?: StickyColor): string;
  /** Connectors belong to no frame: they follow the shapes they join. */
  arrow(start: DraftEnd, end: DraftEnd, text?: string, stroke?: InkColor): string;
  /** The finished shapes, in paint order, ready for `addShapes`. */
  shapes(): Shape[];
}

/** Placeholder until `shapes()` hands out the real keys in creation order. */
const PENDING_Z = 'V';

export function templateBuilder(input: TemplateInput): TemplateBuilder {
  const drafts: Shape[] = [];
  const place = (box: Box) => ({ x: input.at.x + box.x, y: input.at.y + box.y, w: box.w, h: box.h });
  const add = (shape: Shape) => {
    drafts.push(shape);
    return shape.id;
  };
  const base = (box: Box, parent: string | null) => ({
    id: input.newId(),
    ...place(box),
    z: PENDING_Z,
    parent,
    locked: false,
    author: input.author,
  });
  const end = (draft: DraftEnd): Endpoint =>
    'shapeId' in draft
      ? { kind: 'shape', ...draft }
      : { kind: 'point', x: input.at.x + draft.x, y: input.at.y + draft.y };

  return {
    frame: (title, box, parent = null) => add({ ...base(box, parent), type: 'frame', title }),
    text: (text, box, parent, fontSize = 20) => add({ ...base(box, parent), type: 'text', color: 'noir', text, fontSize }),
    sticky: (text, box, parent, color = 'jaune') => add({ ...base(box, parent), type: 'sticky', color, text }),
    arrow: (start, finish, text = '', stroke = 'gris') =>
      add({
        ...base({ x: 0, y: 0, w: 0, h: 0 }, null),
        type: 'connector',
        start: end(start),
        end: end(finish),
        stroke,
        arrowStart: false,
        arrowEnd: true,
        text,
      }),
    shapes() {
      const keys = keysBetween(input.above, null, drafts.length);
      const placed = drafts.map((shape, index) => ({ ...shape, z: keys[index] as string }));
      const byId = new Map(placed.map((shape) => [shape.id, shape]));
      return placed.map((shape) => (shape.type === 'connector' ? withConnectorBox(shape as Connector, byId) : shape));
    },
  };
}
