import { describe, expect, it } from 'vitest';
import {
  connectorBox,
  connectorEnds,
  connectorsTouching,
  endpointPosition,
  nearestAnchor,
  unbindOnDelete,
  withConnectorBox,
} from './bindings.ts';
import { byId, connector, diamond, ellipse, free, glued, idSequence, rect, sticky } from './testing.ts';

const next = idSequence();
const [A, B, C, D, E] = [next(), next(), next(), next(), next()] as [string, string, string, string, string];
const left = rect(A, { x: 0, y: 0, w: 100, h: 100 });
const right = rect(B, { x: 300, y: 0, w: 100, h: 100 });

describe('endpointPosition', () => {
  it('puts a free end where it is and a glued end on its anchor', () => {
    const shapes = byId([left]);
    expect(endpointPosition(free(5, 6), shapes)).toEqual({ x: 5, y: 6 });
    expect(endpointPosition(glued(A, 1, 0.5), shapes)).toEqual({ x: 100, y: 50 });
    expect(endpointPosition(glued(A, 0, 0), shapes)).toEqual({ x: 0, y: 0 });
  });

  it('gives null for a shape that is not there', () => {
    expect(endpointPosition(glued(C), byId([left]))).toBeNull();
  });

  it('floats a centre anchor to the outline toward the other end', () => {
    const shapes = byId([left]);
    expect(endpointPosition(glued(A), shapes, { x: 500, y: 50 })).toEqual({ x: 100, y: 50 });
    expect(endpointPosition(glued(A), shapes, { x: 50, y: -400 })).toEqual({ x: 50, y: 0 });
    expect(endpointPosition(glued(A), shapes)).toEqual({ x: 50, y: 50 });
  });

  it('projects ellipse and diamond anchors onto their outline', () => {
    const round = ellipse(C, { x: 0, y: 0, w: 200, h: 100 });
    const corner = endpointPosition(glued(C, 1, 1), byId([round]));
    // (1, 1) is the box corner; on the ellipse it lands on the diagonal at 1/√2 of each radius.
    expect(corner?.x).toBeCloseTo(100 + 100 / Math.SQRT2);
    expect(corner?.y).toBeCloseTo(50 + 50 / Math.SQRT2);
    const rhombus = diamond(D, { x: 0, y: 0, w: 200, h: 100 });
    expect(endpointPosition(glued(D, 1, 1), byId([rhombus]))).toEqual({ x: 150, y: 75 });
    expect(endpointPosition(glued(D, 1, 0.5), byId([rhombus]))).toEqual({ x: 200, y: 50 });
  });
});

describe('connectorEnds / connectorBox', () => {
  it('aims two floating ends at each other', () => {
    const arrow = connector(C, glued(A), glued(B));
    const shapes = byId([left, right]);
    expect(connectorEnds(arrow, shapes)).toEqual({ start: { x: 100, y: 50 }, end: { x: 300, y: 50 } });
    expect(connectorBox(arrow, shapes)).toEqual({ x: 100, y: 50, w: 200, h: 0 });
  });

  it('guesses an end glued to a missing shape from the stored box', () => {
    const arrow = connector(C, free(10, 90), glued(E), { x: 10, y: 20, w: 60, h: 70 });
    expect(connectorEnds(arrow, byId([]))).toEqual({ start: { x: 10, y: 90 }, end: { x: 70, y: 20 } });
    const lost = connector(C, glued(D), glued(E), { x: 10, y: 20, w: 60, h: 70 });
    expect(connectorEnds(lost, byId([]))).toEqual({ start: { x: 10, y: 20 }, end: { x: 70, y: 90 } });
  });

  it('derives the stored box from the ends', () => {
    const arrow = connector(C, glued(A, 1, 1), free(250, 300), { x: 0, y: 0, w: 1, h: 1 });
    expect(withConnectorBox(arrow, byId([left]))).toMatchObject({ x: 100, y: 100, w: 150, h: 200 });
  });
});

describe('connectorsTouching', () => {
  it('finds connectors glued at either end', () => {
    const fromA = connector(C, glued(A), free(0, 0));
    const toA = connector(D, free(0, 0), glued(A));
    const elsewhere = connector(E, glued(B), free(0, 0));
    const touching = connectorsTouching(new Set([A]), [left, right, fromA, toA, elsewhere]);
    expect(touching.map((shape) => shape.id)).toEqual([C, D]);
  });
});

describe('unbindOnDelete', () => {
  it('turns the ends glued to deleted shapes into free points where they were', () => {
    const arrow = connector(C, glued(A), glued(B));
    expect(unbindOnDelete(new Set([B]), [left, right, arrow])).toEqual([
      { id: C, changes: { end: { kind: 'point', x: 300, y: 50 } } },
    ]);
    expect(unbindOnDelete(new Set([A, B]), [left, right, arrow])).toEqual([
      { id: C, changes: { start: { kind: 'point', x: 100, y: 50 }, end: { kind: 'point', x: 300, y: 50 } } },
    ]);
  });

  it('leaves connectors that are deleted too', () => {
    const arrow = connector(C, glued(A), glued(B));
    expect(unbindOnDelete(new Set([A, C]), [left, right, arrow])).toEqual([]);
  });
});

describe('nearestAnchor', () => {
  const note = sticky(A, { x: 0, y: 0, w: 100, h: 100 });

  it.each([
    [{ x: 50, y: 45 }, { ax: 0.5, ay: 0.5 }],
    [{ x: 55, y: -10 }, { ax: 0.5, ay: 0 }],
    [{ x: 120, y: 60 }, { ax: 1, ay: 0.5 }],
    [{ x: 40, y: 95 }, { ax: 0.5, ay: 1 }],
    [{ x: 2, y: 40 }, { ax: 0, ay: 0.5 }],
  ])('snaps %j to %j', (point, anchor) => {
    expect(nearestAnchor(note, point)).toEqual(anchor);
  });
});
