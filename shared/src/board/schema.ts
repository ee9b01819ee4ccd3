import { z } from 'zod';
import { ORDER_KEY_PATTERN } from './fractional-index.ts';

/**
 * The shapes of a board, as the engine and the renderer see them once read from the Yjs document
 * (see `layout.ts` for how each is stored). Every shape read from a document goes through
 * `shapeSchema`: a remote shape that does not fit is skipped and reported, never rendered half.
 *
 * Coordinates are world units (1 unit = 1 CSS pixel at zoom 1); `x, y` is the top-left corner of
 * the shape's box, `w, h` its size (never negative: a shape drawn leftwards is normalised).
 */
export const SHAPE_TYPES = ['sticky', 'text', 'rect', 'ellipse', 'diamond', 'connector', 'draw', 'frame', 'image'] as const;
export type ShapeType = (typeof SHAPE_TYPES)[number];

/** Sticky colours: pale enough for dark text at AA contrast, named for the colour picker. */
export const STICKY_COLORS = ['jaune', 'orange', 'rose', 'violet', 'bleu', 'vert', 'gris'] as const;
export type StickyColor = (typeof STICKY_COLORS)[number];

/** Stroke and fill palette of geometric shapes, text and connectors. */
export const INK_COLORS = ['noir', 'gris', 'bleu', 'vert', 'rouge', 'orange', 'violet', 'aucun'] as const;
export type InkColor = (typeof INK_COLORS)[number];

/** Bounds on everything a remote peer can put in a shape, so one shape cannot exhaust a browser. */
export const MAX_COORDINATE = 10_000_000;
export const MAX_SIZE = 1_000_000;
export const MAX_TEXT_LENGTH = 20_000;
export const MAX_DRAW_POINTS = 5_000;

const coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);
const size = z.number().finite().min(0).max(MAX_SIZE);
const shortText = z.string().max(MAX_TEXT_LENGTH);
/** A shape id: 16 characters of base32 like every other id (see `model/ids.ts`). */
export const shapeIdSchema = z.string().regex(/^[a-z2-7]{16}$/);
/**
 * Fractional index: a string that sorts between its neighbours (see `fractional-index.ts`). A key
 * ending in '0' is refused: it equals the same key without it, leaving no room to insert between.
 */
export const zIndexSchema = z.string().min(1).max(200).regex(ORDER_KEY_PATTERN);

const base = {
  id: shapeIdSchema,
  x: coordinate,
  y: coordinate,
  w: size,
  h: size,
  z: zIndexSchema,
  /** The frame that contains the shape, or null. */
  parent: shapeIdSchema.nullable(),
  locked: z.boolean(),
  /** User id of the creator (for « ajouté par », votes and the list view). */
  author: z.string().max(64),
};

/** Where a connector ends: glued to a shape (at a point of its box, in 0–1 units) or free. */
export const endpointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shape'), shapeId: shapeIdSchema, ax: z.number().min(0).max(1), ay: z.number().min(0).max(1) }),
  z.object({ kind: z.literal('point'), x: coordinate, y: coordinate }),
]);
export type Endpoint = z.infer<typeof endpointSchema>;

export const stickySchema = z.object({ ...base, type: z.literal('sticky'), color: z.enum(STICKY_COLORS), text: shortText });
export const textShapeSchema = z.object({ ...base, type: z.literal('text'), color: z.enum(INK_COLORS), text: shortText, fontSize: z.number().min(8).max(400) });
const geometric = { ...base, fill: z.enum(INK_COLORS), stroke: z.enum(INK_COLORS), text: shortText };
export const rectSchema = z.object({ ...geometric, type: z.literal('rect') });
export const ellipseSchema = z.object({ ...geometric, type: z.literal('ellipse') });
export const diamondSchema = z.object({ ...geometric, type: z.literal('diamond') });
/** A connector's box is derived from its endpoints; stored so that culling treats it like any shape. */
export const connectorSchema = z.object({
  ...base,
  type: z.literal('connector'),
  start: endpointSchema,
  end: endpointSchema,
  stroke: z.enum(INK_COLORS),
  arrowStart: z.boolean(),
  arrowEnd: z.boolean(),
  text: shortText,
});
/** Freehand points relative to the box's top-left corner, with pressure when the device gives one. */
export const drawSchema = z.object({
  ...base,
  type: z.literal('draw'),
  points: z.array(z.tuple([z.number().finite(), z.number().finite(), z.number().min(0).max(1)])).min(1).max(MAX_DRAW_POINTS),
  stroke: z.enum(INK_COLORS),
  thickness: z.number().min(1).max(64),
});
export const frameSchema = z.object({ ...base, type: z.literal('frame'), title: z.string().max(200) });
/** An uploaded image: content-addressed by the SHA-256 of its bytes (hex), served to members only. */
export const imageSchema = z.object({
  ...base,
  type: z.literal('image'),
  asset: z.string().regex(/^[0-9a-f]{64}$/),
  alt: z.string().max(500),
});

export const shapeSchema = z.discriminatedUnion('type', [
  stickySchema,
  textShapeSchema,
  rectSchema,
  ellipseSchema,
  diamondSchema,
  connectorSchema,
  drawSchema,
  frameSchema,
  imageSchema,
]);

export type Shape = z.infer<typeof shapeSchema>;
export type ShapeOf<T extends ShapeType> = Extract<Shape, { type: T }>;
export type Sticky = ShapeOf<'sticky'>;
export type Connector = ShapeOf<'connector'>;
export type Frame = ShapeOf<'frame'>;

/** French names of the shape types, for the toolbar, the list view and announcements. */
export const SHAPE_TYPE_LABELS: Readonly<Record<ShapeType, string>> = {
  sticky: 'Post-it',
  text: 'Texte',
  rect: 'Rectangle',
  ellipse: 'Ellipse',
  diamond: 'Losange',
  connector: 'Flèche',
  draw: 'Tracé à main levée',
  frame: 'Cadre',
  image: 'Image',
};

/** Largest image a board accepts, checked by the client before sending and by the server. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
