import { describe, expect, it } from 'vitest';
import type { Shape } from './shape-model.ts';
import { makeShape } from './testing/shapes.ts';
import {
  alignPatches,
  carryFrameContents,
  distributePatches,
  duplicateShapes,
  MIN_RESIZE_SIZE,
  nudgeDelta,
  resizeScaling,
  resizeShapes,
  translateShape,
  translation,
  withoutZ,
} from './transform.ts';

const lookupIn = (shapes: readonly Shape[]) => (id: string) => shapes.find((s) => s.id === id);

describe('translation', () => {
  it('moves the box, and the free ends of a connector but not its glued ones', () => {
    expect(translation(makeShape('rect', { id: 'r', x: 1, y: 2 }), 10, 20)).toEqual({ x: 11, y: 22 });
    const arrow = makeShape('connector', {
      id: 'c',
      start: { kind: 'point', x: 0, y: 0 },
      end: { kind: 'shape', shapeId: 'r', ax: 0, ay: 0 },
    });
    const moved = translateShape(arrow, 5, 5);
    expect(moved).toMatchObject({ x: 5, y: 5, start: { kind: 'point', x: 5, y: 5 }, end: { kind: 'shape', shapeId: 'r' } });
  });
});

describe('resize', () => {
  const box = { x: 0, y: 0, w: 100, h: 50 };
  const rect = makeShape('rect', { id: 'r', ...box });

  it('drags one side, keeping the opposite one', () => {
    expect(resizeShapes([rect], box, 'e', { x: 150, y: 999 }, false)).toEqual([{ id: 'r', changes: { x: 0, y: 0, w: 150, h: 50 } }]);
    expect(resizeShapes([rect], box, 'n', { x: 999, y: -50 }, false)).toEqual([{ id: 'r', changes: { x: 0, y: -50, w: 100, h: 100 } }]);
  });

  it('drags a corner, keeping the opposite corner', () => {
    expect(resizeShapes([rect], box, 'nw', { x: 50, y: 25 }, false)).toEqual([{ id: 'r', changes: { x: 50, y: 25, w: 50, h: 25 } }]);
  });

  it('keeps the aspect ratio with shift, by the larger of the two scales', () => {
    expect(resizeShapes([rect], box, 'se', { x: 200, y: 60 }, true)).toEqual([{ id: 'r', changes: { x: 0, y: 0, w: 200, h: 100 } }]);
    // A side handle scales the other axis about the centre.
    expect(resizeShapes([rect], box, 'e', { x: 200, y: 0 }, true)).toEqual([{ id: 'r', changes: { x: 0, y: -25, w: 200, h: 100 } }]);
  });

  it('normalises a shape dragged past its opposite side', () => {
    expect(resizeShapes([rect], box, 'e', { x: -40, y: 0 }, false)).toEqual([{ id: 'r', changes: { x: -40, y: 0, w: 40, h: 50 } }]);
  });

  it('keeps a minimum size', () => {
    const scaling = resizeScaling(box, 'se', { x: 1, y: 1 }, false);
    expect(scaling.sx * box.w).toBe(MIN_RESIZE_SIZE);
    expect(scaling.sy * box.h).toBe(MIN_RESIZE_SIZE);
    expect(resizeScaling({ x: 0, y: 0, w: 100, h: 0 }, 's', { x: 0, y: 40 }, false).sy).toBe(1);
  });

  it('scales every shape of a selection within the common box', () => {
    const left = makeShape('sticky', { id: 'a', x: 0, y: 0, w: 50, h: 50 });
    const right = makeShape('sticky', { id: 'b', x: 50, y: 0, w: 50, h: 50 });
    expect(resizeShapes([left, right], box, 'e', { x: 200, y: 0 }, false)).toEqual([
      { id: 'a', changes: { x: 0, y: 0, w: 100, h: 50 } },
      { id: 'b', changes: { x: 100, y: 0, w: 100, h: 50 } },
    ]);
  });

  it('scales freehand points and free connector ends, mirrored on a flip', () => {
    const stroke = makeShape('draw', { id: 'd', x: 0, y: 0, w: 100, h: 50, points: [[0, 0, 0.5], [100, 50, 0.7]] });
    expect(resizeShapes([stroke], box, 'e', { x: -100, y: 0 }, false)[0]?.changes).toEqual({
      x: -100,
      y: 0,
      w: 100,
      h: 50,
      points: [[100, 0, 0.5], [0, 50, 0.7]],
    });
    const arrow = makeShape('connector', { id: 'c', ...box, start: { kind: 'point', x: 0, y: 0 }, end: { kind: 'point', x: 100, y: 50 } });
    expect(resizeShapes([arrow], box, 'se', { x: 200, y: 100 }, false)[0]?.changes).toMatchObject({
      start: { kind: 'point', x: 0, y: 0 },
      end: { kind: 'point', x: 200, y: 100 },
    });
  });
});

describe('nudge', () => {
  it('moves one unit, ten with shift', () => {
    expect(nudgeDelta('left', false)).toEqual({ x: -1, y: 0 });
    expect(nudgeDelta('down', true)).toEqual({ x: 0, y: 10 });
  });
});

describe('align and distribute', () => {
  const a = makeShape('rect', { id: 'a', x: 0, y: 0, w: 10, h: 10 });
  const b = makeShape('rect', { id: 'b', x: 50, y: 30, w: 30, h: 20 });
  const arrow = makeShape('connector', { id: 'c', x: 500, y: 500 });

  it('aligns to the sides and centre lines of the box around the shapes, leaving connectors', () => {
    expect(alignPatches([a, b, arrow], 'left')).toEqual([{ id: 'b', changes: { x: 0, y: 30 } }]);
    expect(alignPatches([a, b], 'right')).toEqual([{ id: 'a', changes: { x: 70, y: 0 } }]);
    expect(alignPatches([a, b], 'centre')).toEqual([
      { id: 'a', changes: { x: 35, y: 0 } },
      { id: 'b', changes: { x: 25, y: 30 } },
    ]);
    expect(alignPatches([a, b], 'bottom')).toEqual([{ id: 'a', changes: { x: 0, y: 40 } }]);
    expect(alignPatches([a, b], 'middle')).toEqual([
      { id: 'a', changes: { x: 0, y: 20 } },
      { id: 'b', changes: { x: 50, y: 15 } },
    ]);
    expect(alignPatches([a, b], 'top')).toEqual([{ id: 'b', changes: { x: 50, y: 0 } }]);
    expect(alignPatches([a], 'left')).toEqual([]);
  });

  it('distributes with equal gaps, the outer shapes staying put', () => {
    const first = makeShape('rect', { id: 'first', x: 0, y: 0, w: 10, h: 10 });
    const middle = makeShape('rect', { id: 'middle', x: 15, y: 5, w: 20, h: 10 });
    const last = makeShape('rect', { id: 'last', x: 100, y: 0, w: 10, h: 10 });
    // Span 110, widths 40: two gaps of 35.
    expect(distributePatches([last, middle, first], 'horizontal')).toEqual([{ id: 'middle', changes: { x: 45, y: 5 } }]);
    expect(distributePatches([first, last], 'horizontal')).toEqual([]);
    const top = makeShape('rect', { id: 'top', x: 0, y: 0, w: 10, h: 10 });
    const mid = makeShape('rect', { id: 'mid', x: 0, y: 12, w: 10, h: 10 });
    const bottom = makeShape('rect', { id: 'bottom', x: 0, y: 50, w: 10, h: 10 });
    expect(distributePatches([top, mid, bottom], 'vertical')).toEqual([{ id: 'mid', changes: { x: 0, y: 25 } }]);
  });

  it('carries the content of a moved frame along', () => {
    const frame = makeShape('frame', { id: 'f', x: 0, y: 0, w: 300, h: 300 });
    const child = makeShape('sticky', { id: 'k', x: 10, y: 10, parent: 'f' });
    const patched = makeShape('sticky', { id: 'p', x: 20, y: 20, parent: 'f' });
    const patches = carryFrameContents(
      [
        { id: 'f', changes: { x: 100, y: 0 } },
        { id: 'p', changes: { x: 0, y: 0 } },
      ],
      lookupIn([frame, child, patched]),
      () => ['k', 'p'],
    );
    expect(patches).toEqual([
      { id: 'f', changes: { x: 100, y: 0 } },
      { id: 'p', changes: { x: 0, y: 0 } },
      { id: 'k', changes: { x: 110, y: 10 } },
    ]);
  });
});

describe('duplicateShapes', () => {
  const frame = makeShape('frame', { id: 'f', x: 0, y: 0, w: 500, h: 500, z: 'a0' });
  const a = makeShape('sticky', { id: 'a', x: 10, y: 10, z: 'a2', parent: 'f' });
  const b = makeShape('sticky', { id: 'b', x: 300, y: 10, z: 'a1', parent: 'f' });
  const outside = makeShape('rect', { id: 'o', x: 1000, y: 0, w: 100, h: 100, z: 'a3' });
  const between = makeShape('connector', {
    id: 'c1',
    z: 'a4',
    start: { kind: 'shape', shapeId: 'a', ax: 1, ay: 0.5 },
    end: { kind: 'shape', shapeId: 'b', ax: 0, ay: 0.5 },
  });
  const toOutside = makeShape('connector', {
    id: 'c2',
    z: 'a5',
    start: { kind: 'shape', shapeId: 'a', ax: 1, ay: 0.5 },
    end: { kind: 'shape', shapeId: 'o', ax: 0, ay: 0.5 },
  });
  const lookup = lookupIn([frame, a, b, outside, between, toOutside]);
  let counter = 0;
  const newId = () => `n${++counter}`;

  it('gives new ids, offsets, keeps the stacking order and drops z keys', () => {
    counter = 0;
    const { shapes, ids } = duplicateShapes([a, frame, b], { x: 20, y: 20 }, newId, lookup);
    expect(shapes.map((s) => s.id)).toEqual(['n1', 'n2', 'n3']);
    expect([...ids]).toEqual([['f', 'n1'], ['b', 'n2'], ['a', 'n3']]);
    expect(shapes[2]).toMatchObject({ x: 30, y: 30, parent: 'n1' });
    expect(shapes.every((s) => !('z' in s))).toBe(true);
  });

  it('keeps the parent of a shape copied without its frame, unless that frame does not exist', () => {
    counter = 0;
    expect(duplicateShapes([a], { x: 20, y: 20 }, newId, lookup).shapes[0]).toMatchObject({ parent: 'f' });
    expect(duplicateShapes([a], { x: 20, y: 20 }, newId, () => undefined).shapes[0]).toMatchObject({ parent: null });
  });

  it('glues connectors to the copies, and frees ends glued to shapes left behind', () => {
    counter = 0;
    const { shapes, ids } = duplicateShapes([a, b, between, toOutside], { x: 20, y: 20 }, newId, lookup);
    const copyOf = (id: string) => shapes.find((s) => s.id === ids.get(id));
    expect(copyOf('c1')).toMatchObject({
      start: { kind: 'shape', shapeId: ids.get('a') },
      end: { kind: 'shape', shapeId: ids.get('b') },
    });
    expect(copyOf('c2')).toMatchObject({
      start: { kind: 'shape', shapeId: ids.get('a') },
      end: { kind: 'point', x: 1020, y: 70 },
    });
  });

  it('strips the z key of a single shape', () => {
    expect(withoutZ(a)).not.toHaveProperty('z');
  });
});
