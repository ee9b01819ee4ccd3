/**
 * Puts a board template where the person is looking: centred on the view, above every shape, in
 * one transaction with the local origin, so it is one undo step and one update for the others.
 */
import * as Y from 'yjs';
import { addShapes, BOARD_TEMPLATES, isOrderKey, shapesMap, type BoardTemplateId } from '@eprouvette/shared';
import type { Point } from '../engine/geometry/math.ts';

/**
 * The highest z key on the board, read from the raw entries rather than validated shapes: a single
 * click on a board of thousands of shapes should not parse them all. A malformed shape's key only
 * raises the result, which is harmless.
 */
export function topZ(doc: Y.Doc): string | null {
  let top: string | null = null;
  for (const entry of shapesMap(doc).values()) {
    const z: unknown = entry instanceof Y.Map ? entry.get('z') : undefined;
    if (typeof z === 'string' && isOrderKey(z) && (top === null || z > top)) top = z;
  }
  return top;
}

/** Top-left corner that centres a template of this size on `center`, on whole world units. */
export function centredAt(center: Point, size: { w: number; h: number }): Point {
  return { x: Math.round(center.x - size.w / 2), y: Math.round(center.y - size.h / 2) };
}

export interface TemplateInsertion {
  /** The centre of the view, in world units. */
  center: Point;
  author: string;
  newId: () => string;
  origin: unknown;
}

/** Adds the template and returns the id of its outer frame. */
export function insertTemplate(doc: Y.Doc, id: BoardTemplateId, { center, author, newId, origin }: TemplateInsertion): string {
  const template = BOARD_TEMPLATES.find((candidate) => candidate.id === id);
  if (!template) throw new RangeError(`insertTemplate: unknown template ${id}`);
  const above = topZ(doc);
  // A template knows its size only once built: a first build at the origin measures its frame.
  const [measure] = template.build({ at: { x: 0, y: 0 }, author, newId, above });
  if (!measure) throw new RangeError(`insertTemplate: template ${id} is empty`);
  const shapes = template.build({ at: centredAt(center, measure), author, newId, above });
  addShapes(doc, shapes, origin);
  return (shapes[0] ?? measure).id;
}
