import { z } from 'zod';
import { MAX_COORDINATE, shapeIdSchema } from '../board/schema.ts';

/**
 * Where a comment thread is pinned.
 *
 * - On a text: two Yjs relative positions in the text's XmlFragment (`Y.encodeRelativePosition`,
 *   base64), so the passage follows concurrent edits — text typed before it shifts it, text typed
 *   inside it grows it, and a passage deleted entirely resolves to an empty range (« passage
 *   supprimé »). `quote` is the passage as it read when the thread was opened: what the panel
 *   shows, and all that is left once the passage is gone.
 * - On a board: a shape (or none, for the canvas itself) and a point in world units; a point on a
 *   shape is relative to its box's top-left corner so that it moves with it, and `placed` keeps
 *   where it was on the board when the thread was opened — where the pin stays, marked « élément
 *   supprimé », once the shape is deleted (`board-pins.ts`).
 */
export const QUOTE_MAX_LENGTH = 500;
/** A relative position is an item id or a type name and an association: a few dozen bytes. */
export const ENCODED_POSITION_MAX_LENGTH = 256;

const encodedPositionSchema = z
  .string()
  .min(4, 'Position du passage invalide.')
  .max(ENCODED_POSITION_MAX_LENGTH, 'Position du passage invalide.')
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'Position du passage invalide.');

export const textAnchorSchema = z.object({
  kind: z.literal('text'),
  start: encodedPositionSchema,
  end: encodedPositionSchema,
  quote: z
    .string()
    .min(1, 'Sélectionnez le passage à commenter.')
    .max(QUOTE_MAX_LENGTH, `Le passage cité ne peut pas dépasser ${QUOTE_MAX_LENGTH} caractères.`),
});

const coordinateSchema = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);

const pointSchema = z.object({ x: coordinateSchema, y: coordinateSchema });

export const boardAnchorSchema = z
  .object({
    kind: z.literal('board'),
    shapeId: shapeIdSchema.nullable(),
    point: pointSchema,
    placed: pointSchema.optional(),
  })
  .refine((anchor) => anchor.shapeId === null || anchor.placed !== undefined, { message: 'Position de l’épingle sur le tableau manquante.', path: ['placed'] });

export const commentAnchorSchema = z.discriminatedUnion('kind', [textAnchorSchema, boardAnchorSchema]);

export type TextAnchor = z.infer<typeof textAnchorSchema>;
export type BoardAnchor = z.infer<typeof boardAnchorSchema>;
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;
export type AnchorKind = CommentAnchor['kind'];
