/**
 * A board as a JSON file: the export a user downloads, and the import that pastes such a file
 * into another board (or the same one) as new shapes.
 *
 * Import re-keys every id, so importing a file twice duplicates its content rather than colliding
 * with the first copy; parents and connector bindings follow the new ids, a binding to a shape that
 * is not in the file becomes a free end where it was. The content lands above everything on the
 * board, in its own order, and is moved so that its top-left corner is at the given point.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { connectorEnds, withConnectorBox } from './bindings.ts';
import { keysBetween } from './fractional-index.ts';
import { bounds, type Point } from './geometry.ts';
import { describeIssues, frenchErrors } from './issue-text.ts';
import { addShapes, paintOrder, readBoard } from './layout.ts';
import { shapeSchema, type Endpoint, type Shape } from './schema.ts';

export const BOARD_JSON_FORMAT = 'eprouvette-board';
/** Enough for any real board; a bigger file is refused before it can freeze the page. */
export const MAX_IMPORTED_SHAPES = 20_000;

export const boardJsonSchema = z.object({
  format: z.literal(BOARD_JSON_FORMAT, { error: "ce fichier n'est pas un export de tableau Éprouvette" }),
  version: z.literal(1, { error: 'version de fichier non prise en charge' }),
  shapes: z
    .array(shapeSchema)
    .max(MAX_IMPORTED_SHAPES, `au plus ${MAX_IMPORTED_SHAPES} formes par fichier`)
    .refine((shapes) => new Set(shapes.map((shape) => shape.id)).size === shapes.length, 'deux formes ont le même identifiant'),
});

export type BoardJson = z.infer<typeof boardJsonSchema>;

export function exportBoardJson(doc: Y.Doc): BoardJson {
  return { format: BOARD_JSON_FORMAT, version: 1, shapes: readBoard(doc).shapes };
}

/** An import refused, with a message in French for the person importing. */
export class BoardImportError extends Error {
  override readonly name = 'BoardImportError';
}

function parseBoardJson(json: unknown): BoardJson {
  const result = boardJsonSchema.safeParse(json, { error: frenchErrors });
  if (!result.success) throw new BoardImportError(`Fichier de tableau invalide : ${describeIssues(result.error.issues)}.`);
  return result.data;
}

/**
 * Adds the shapes of an exported board (already parsed from JSON) to `doc` in one transaction,
 * with new ids. Throws a `BoardImportError` when the file is not a valid export. Returns the new
 * ids, in paint order, so the client can select what it imported.
 */
export function importBoardJson(doc: Y.Doc, json: unknown, origin: unknown, newId: () => string, at?: Point): string[] {
  const imported = [...parseBoardJson(json).shapes].sort(paintOrder);
  const oldById = new Map(imported.map((shape) => [shape.id, shape]));
  const ids = new Map(imported.map((shape) => [shape.id, newId()]));
  const area = bounds(imported);
  const dx = at && area ? at.x - area.x : 0;
  const dy = at && area ? at.y - area.y : 0;
  const frameIds = new Set(imported.filter((shape) => shape.type === 'frame').map((shape) => shape.id));

  const moveEnd = (end: Endpoint, position: Point): Endpoint => {
    const shapeId = end.kind === 'shape' ? ids.get(end.shapeId) : undefined;
    if (end.kind === 'shape' && shapeId) return { ...end, shapeId };
    return { kind: 'point', x: position.x + dx, y: position.y + dy };
  };

  const top = readBoard(doc).shapes.at(-1)?.z ?? null;
  const keys = keysBetween(top, null, imported.length);
  const rekeyed = imported.map((shape, index): Shape => {
    const parent = shape.parent !== null && frameIds.has(shape.parent) ? (ids.get(shape.parent) as string) : null;
    const placed = { id: ids.get(shape.id) as string, x: shape.x + dx, y: shape.y + dy, z: keys[index] as string, parent };
    if (shape.type !== 'connector') return { ...shape, ...placed };
    const ends = connectorEnds(shape, oldById);
    return { ...shape, ...placed, start: moveEnd(shape.start, ends.start), end: moveEnd(shape.end, ends.end) };
  });
  const newById = new Map(rekeyed.map((shape) => [shape.id, shape]));
  const finished = rekeyed.map((shape) => (shape.type === 'connector' ? withConnectorBox(shape, newById) : shape));
  addShapes(doc, finished, origin);
  return finished.map((shape) => shape.id);
}
