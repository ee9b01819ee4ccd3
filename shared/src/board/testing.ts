/**
 * Helpers for the board tests: deterministic randomness and ids, and complete shapes built from a
 * few overrides. Not part of the public API (`index.ts` does not export it).
 */
import * as Y from 'yjs';
import { idFromRandomBytes } from '../model/ids.ts';
import type { Connector, Endpoint, Frame, Shape, ShapeOf, Sticky } from './schema.ts';

export { seededRandom } from '../seeded-random.ts';

/** Valid shape ids from a counter: `idSequence()()` is always the same first id. */
export function idSequence(start = 1): () => string {
  let n = start;
  return () => {
    const bytes = new Uint8Array(10);
    bytes[8] = (n >> 8) & 255;
    bytes[9] = n & 255;
    n++;
    return idFromRandomBytes(bytes);
  };
}

const common = { x: 0, y: 0, w: 100, h: 100, z: 'V', parent: null, locked: false, author: 'auteur' };

export function sticky(id: string, overrides: Partial<Sticky> = {}): Sticky {
  return { ...common, id, type: 'sticky', color: 'jaune', text: '', ...overrides };
}

export function rect(id: string, overrides: Partial<ShapeOf<'rect'>> = {}): ShapeOf<'rect'> {
  return { ...common, id, type: 'rect', fill: 'aucun', stroke: 'noir', text: '', ...overrides };
}

export function ellipse(id: string, overrides: Partial<ShapeOf<'ellipse'>> = {}): ShapeOf<'ellipse'> {
  return { ...common, id, type: 'ellipse', fill: 'aucun', stroke: 'noir', text: '', ...overrides };
}

export function diamond(id: string, overrides: Partial<ShapeOf<'diamond'>> = {}): ShapeOf<'diamond'> {
  return { ...common, id, type: 'diamond', fill: 'aucun', stroke: 'noir', text: '', ...overrides };
}

export function frame(id: string, overrides: Partial<Frame> = {}): Frame {
  return { ...common, id, type: 'frame', title: 'Cadre', ...overrides };
}

export function connector(id: string, start: Endpoint, end: Endpoint, overrides: Partial<Connector> = {}): Connector {
  return { ...common, id, type: 'connector', start, end, stroke: 'noir', arrowStart: false, arrowEnd: true, text: '', ...overrides };
}

export function glued(shapeId: string, ax = 0.5, ay = 0.5): Endpoint {
  return { kind: 'shape', shapeId, ax, ay };
}

export function free(x: number, y: number): Endpoint {
  return { kind: 'point', x, y };
}

export function byId(shapes: readonly Shape[]): Map<string, Shape> {
  return new Map(shapes.map((shape) => [shape.id, shape]));
}

/** Two replicas of one document that exchange updates only on `sync()`: edits in between are concurrent. */
export function twoPeers(): { a: Y.Doc; b: Y.Doc; sync: () => void } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}
