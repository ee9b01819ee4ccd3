/**
 * How a board lives in its Yjs document.
 *
 * ```
 * doc.getMap('shapes')     Y.Map: shape id → Y.Map, one per shape
 *   type                   'sticky' | 'text' | 'rect' | … — never changes
 *   box                    {x, y, w, h} as ONE value: a move or a resize replaces it whole, so two
 *                          concurrent moves never mix the x of one with the y of the other — one
 *                          of them wins entirely
 *   z                      fractional index (fractional-index.ts); paint order is (z, id)
 *   parent                 id of the frame the shape is in, or null
 *   locked, author
 *   text                   Y.Text, for the types that carry text: two people typing in one sticky
 *                          merge
 *   every other property   under its own key (color, fill, stroke, fontSize, title, start, end,
 *                          arrowStart, arrowEnd, points, thickness, asset, alt), so a colour change
 *                          and a move by two people both survive; a connector end is one value
 * doc.getMap('board')      board-level state: the shared timer and the vote sessions (workshop.ts)
 * ```
 *
 * Reading: every shape goes through `shapeSchema`; one that does not fit (an old client, a bug, a
 * hostile peer) is skipped and reported with a reason in French, never drawn half.
 *
 * Writing: every function takes the transaction origin and makes one `doc.transact` (none when
 * there is nothing to write), so a gesture is one undo step for the client's `Y.UndoManager` (which tracks only the local origins)
 * and one update on the wire — a drag is committed once, on drop. Writes touch only the keys whose
 * value changes: a stale copy of a shape never overwrites someone else's concurrent edit of another
 * property. Shapes are validated before the transaction starts; an invalid one throws and nothing
 * is written. What the layout derives is kept on every write: a connector's box is the bounds of
 * its ends, a glued end follows its shape, a deleted shape leaves no binding behind.
 */
import * as Y from 'yjs';
import { planDelete } from './delete-plan.ts';
import { sameBox, type Box } from './geometry.ts';
import { describeIssues, frenchErrors } from './issue-text.ts';
import { planMove } from './move-plan.ts';
import { shapeSchema, type Shape } from './schema.ts';
import { textChange } from './text-diff.ts';
import { planUpdate, type ShapePatch } from './update-plan.ts';

const SHAPES = 'shapes';
/** Properties not stored under their own key: the id is the map key, the box one value, the text a Y.Text. */
const NOT_OWN_KEYS = new Set(['id', 'x', 'y', 'w', 'h', 'text']);

export function shapesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SHAPES);
}

export type ShapeReading = { ok: true; shape: Shape } | { ok: false; id: string; reason: string };

export interface RejectedShape {
  id: string;
  reason: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One entry of the shapes map, validated. */
export function readShape(id: string, value: unknown): ShapeReading {
  if (!(value instanceof Y.Map)) return { ok: false, id, reason: "l'entrée n'est pas une forme (Y.Map attendu)" };
  const box: unknown = value.get('box');
  if (!isRecord(box)) return { ok: false, id, reason: 'box : objet {x, y, w, h} attendu' };
  const text: unknown = value.get('text');
  if (text !== undefined && !(text instanceof Y.Text)) return { ok: false, id, reason: 'text : Y.Text attendu' };
  // fromEntries defines properties, so a remote key such as "__proto__" stays a plain key.
  const stored = Object.fromEntries([...value.entries()].filter(([key]) => !NOT_OWN_KEYS.has(key)));
  const candidate = { ...stored, id, x: box.x, y: box.y, w: box.w, h: box.h, ...(text ? { text: text.toString() } : {}) };
  const result = shapeSchema.safeParse(candidate, { error: frenchErrors });
  return result.success ? { ok: true, shape: result.data } : { ok: false, id, reason: describeIssues(result.error.issues) };
}

/** Paint order: by z, then by id for the keys two people picked at the same time. */
export function paintOrder(a: Shape, b: Shape): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function readBoard(doc: Y.Doc): { shapes: Shape[]; rejected: RejectedShape[] } {
  const shapes: Shape[] = [];
  const rejected: RejectedShape[] = [];
  for (const [id, value] of shapesMap(doc).entries()) {
    const reading = readShape(id, value);
    if (reading.ok) shapes.push(reading.shape);
    else rejected.push({ id: reading.id, reason: reading.reason });
  }
  return { shapes: shapes.sort(paintOrder), rejected };
}

/** The shared text of a shape, for an editor bound to it keystroke by keystroke. */
export function shapeText(doc: Y.Doc, id: string): Y.Text | null {
  const map = shapesMap(doc).get(id);
  const text: unknown = map instanceof Y.Map ? map.get('text') : undefined;
  return text instanceof Y.Text ? text : null;
}

function boxOf(shape: Shape): Box {
  return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
}

export function shapeToYMap(shape: Shape): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(shape)) if (!NOT_OWN_KEYS.has(key)) map.set(key, value);
  map.set('box', boxOf(shape));
  if ('text' in shape) map.set('text', new Y.Text(shape.text));
  return map;
}

/** The shape as zod returns it: a fresh copy, so the caller's objects never alias stored values. */
function validated(shape: Shape): Shape {
  const result = shapeSchema.safeParse(shape, { error: frenchErrors });
  if (!result.success) throw new RangeError(`forme ${shape.id} invalide : ${describeIssues(result.error.issues)}`);
  return result.data;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

function writeChanges(map: Y.Map<unknown>, before: Shape, after: Shape): void {
  if (!sameBox(before, after)) map.set('box', boxOf(after));
  const previous: Record<string, unknown> = before;
  for (const [key, value] of Object.entries(after)) {
    if (!NOT_OWN_KEYS.has(key) && !sameValue(previous[key], value)) map.set(key, value);
  }
  const text: unknown = map.get('text');
  if ('text' in after && text instanceof Y.Text) {
    const change = textChange(text.toString(), after.text);
    if (change) {
      text.delete(change.index, change.deleteCount);
      text.insert(change.index, change.insert);
    }
  }
}

/** Writes the new versions of existing shapes and the deletions, in one transaction. */
function commit(doc: Y.Doc, origin: unknown, before: readonly Shape[], after: readonly Shape[], deleted: Iterable<string> = []): void {
  const valid = after.map(validated);
  const removed = [...deleted];
  if (valid.length === 0 && removed.length === 0) return;
  const previous = new Map(before.map((shape) => [shape.id, shape]));
  const shapes = shapesMap(doc);
  doc.transact(() => {
    for (const id of removed) shapes.delete(id);
    for (const shape of valid) {
      const map = shapes.get(shape.id);
      const old = previous.get(shape.id);
      if (map instanceof Y.Map && old) writeChanges(map, old, shape);
    }
  }, origin);
}

export function addShapes(doc: Y.Doc, shapes: readonly Shape[], origin: unknown): void {
  const valid = shapes.map(validated);
  const map = shapesMap(doc);
  doc.transact(() => {
    for (const shape of valid) map.set(shape.id, shapeToYMap(shape));
  }, origin);
}

/*
 * `current`, in the three functions below: the board as the caller already read and validated it
 * (the client keeps it up to date from `observeShapes`), so a gesture on a board of thousands of
 * shapes does not validate all of them again. Without it the document is read.
 */

/**
 * Changes properties of shapes (see `planUpdate`). The box is written as one value if any of x, y,
 * w, h changes; a new text is applied to the Y.Text as one minimal replacement.
 */
export function updateShapes(doc: Y.Doc, patches: readonly ShapePatch[], origin: unknown, current?: readonly Shape[]): void {
  const shapes = current ?? readBoard(doc).shapes;
  commit(doc, origin, shapes, planUpdate(shapes, patches));
}

/**
 * Deletes shapes, a frame with its content, and frees the connector ends glued to them (see
 * `planDelete`). Ids of shapes that could not be read are deleted too: that is how a malformed
 * shape is cleaned up.
 */
export function deleteShapes(doc: Y.Doc, ids: Iterable<string>, origin: unknown, current?: readonly Shape[]): void {
  const shapes = current ?? readBoard(doc).shapes;
  const { deleted, changed } = planDelete(shapes, ids);
  const present = [...deleted].filter((id) => shapesMap(doc).has(id));
  if (present.length > 0) commit(doc, origin, shapes, changed, present);
}

/** Moves shapes, what their frames carry and their connectors, on drop (see `planMove`). */
export function moveShapes(doc: Y.Doc, ids: Iterable<string>, dx: number, dy: number, origin: unknown, current?: readonly Shape[]): void {
  const shapes = current ?? readBoard(doc).shapes;
  commit(doc, origin, shapes, planMove(shapes, ids, dx, dy));
}

/**
 * Calls `onChange` after each transaction that touched shapes, local or remote, with the ids whose
 * shape was added or changed and the ids that were deleted, so the renderer redraws only those.
 * Returns the function that stops observing.
 */
export function observeShapes(doc: Y.Doc, onChange: (changedIds: Set<string>, deletedIds: Set<string>) => void): () => void {
  const shapes = shapesMap(doc);
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changed = new Set<string>();
    const deleted = new Set<string>();
    for (const event of events) {
      if (event.target === shapes) {
        for (const [id, { action }] of event.changes.keys) (action === 'delete' ? deleted : changed).add(id);
      } else {
        const [id] = event.path;
        if (typeof id === 'string') changed.add(id);
      }
    }
    for (const id of deleted) changed.delete(id);
    onChange(changed, deleted);
  };
  shapes.observeDeep(observer);
  return () => shapes.unobserveDeep(observer);
}
