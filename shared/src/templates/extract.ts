/**
 * What a published template holds: the whole board, or chosen frames with everything inside them,
 * as a board JSON export (`board-json.ts`), so a template is stored, validated and inserted exactly
 * like an exported file.
 *
 * Decisions:
 * - A frame brings its content at any depth (`descendants`). Frames chosen inside another chosen
 *   frame are taken once.
 * - Arrows belong to no frame: one comes along when both its ends are in the template — glued to
 *   a shape taken, or a free point inside a chosen frame. An end glued to a shape left behind
 *   becomes a free end where it was drawn, as a JSON import does.
 * - Images are left out: an uploaded image is served only to the members of the AMIs it was
 *   uploaded to, so in another AMI it could never show. The count is kept to say so.
 * - Every shape is credited to the publisher: the template speaks for them, and the ids of the
 *   original authors (members of another AMI) are not handed out to the whole platform.
 */
import { connectorEnds } from '../board/bindings.ts';
import { BOARD_JSON_FORMAT, type BoardJson } from '../board/board-json.ts';
import { descendants } from '../board/frames.ts';
import { boxContains, type Point } from '../board/geometry.ts';
import { paintOrder } from '../board/layout.ts';
import type { Connector, Endpoint, Frame, Shape } from '../board/schema.ts';

export interface TemplateExtraction {
  content: BoardJson;
  /** Image shapes left out (see above). */
  droppedImages: number;
}

export type TemplateExtractionResult = { ok: true; extraction: TemplateExtraction } | { ok: false; missingFrames: string[] };

/** The shapes taken before arrows are considered: everything, or the chosen frames and their content. */
function framedShapes(shapes: readonly Shape[], frames: readonly Frame[]): Shape[] {
  const ids = new Set<string>();
  for (const frame of frames) {
    ids.add(frame.id);
    for (const inside of descendants(frame.id, shapes)) ids.add(inside.id);
  }
  return shapes.filter((shape) => ids.has(shape.id));
}

function endInside(end: Endpoint, position: Point, taken: ReadonlySet<string>, frames: readonly Frame[] | null): boolean {
  if (end.kind === 'shape' && taken.has(end.shapeId)) return true;
  // A whole board takes every arrow; chosen frames take a free end that lies inside one of them.
  return frames === null || frames.some((frame) => boxContains(frame, position));
}

/** The arrow as it will be stored: ends glued to shapes left behind become free where they are. */
function detached(connector: Connector, taken: ReadonlySet<string>, ends: { start: Point; end: Point }): Connector {
  const keep = (end: Endpoint, position: Point): Endpoint => (end.kind === 'shape' && !taken.has(end.shapeId) ? { kind: 'point', ...position } : end);
  return { ...connector, start: keep(connector.start, ends.start), end: keep(connector.end, ends.end) };
}

/**
 * The template content of a board read with `readBoard`: all of it when `frameIds` is null or
 * empty, else the chosen frames. Ids that are not frames of the board are reported, not ignored:
 * the publisher chose them, so they must know the template would lack them.
 */
export function extractTemplate(shapes: readonly Shape[], frameIds: readonly string[] | null, publisher: string): TemplateExtractionResult {
  const byId = new Map(shapes.map((shape) => [shape.id, shape]));
  let frames: Frame[] | null = null;
  if (frameIds !== null && frameIds.length > 0) {
    const chosen = [...new Set(frameIds)];
    const missingFrames = chosen.filter((id) => byId.get(id)?.type !== 'frame');
    if (missingFrames.length > 0) return { ok: false, missingFrames };
    frames = chosen.map((id) => byId.get(id) as Frame);
  }
  const candidates = frames === null ? shapes.filter((shape) => shape.type !== 'connector') : framedShapes(shapes, frames).filter((shape) => shape.type !== 'connector');
  const droppedImages = candidates.filter((shape) => shape.type === 'image').length;
  const kept = candidates.filter((shape) => shape.type !== 'image');
  const taken = new Set(kept.map((shape) => shape.id));
  const arrows = shapes.flatMap((shape) => {
    if (shape.type !== 'connector') return [];
    const ends = connectorEnds(shape, byId);
    if (!endInside(shape.start, ends.start, taken, frames) || !endInside(shape.end, ends.end, taken, frames)) return [];
    return [detached(shape, taken, ends)];
  });
  const content: BoardJson = {
    format: BOARD_JSON_FORMAT,
    version: 1,
    shapes: [...kept, ...arrows].sort(paintOrder).map((shape) => ({ ...shape, author: publisher })),
  };
  return { ok: true, extraction: { content, droppedImages } };
}
