import { describe, expect, it } from 'vitest';
import type { KeyInput } from '../engine/shortcuts.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { MIN_RESIZE_SIZE } from '../engine/transform.ts';
import { connectableTargets, connectorBetween, isPlaceableTool, resizeDelta, resizePatches, RESIZE_STEP } from './keyboard-actions.ts';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: k, code: '', shift: false, alt: false, mod: false, inTextField: false, ...extra });

describe('resizeDelta', () => {
  it('reads Alt+Shift+arrows as growing right and down, shrinking left and up', () => {
    expect(resizeDelta(key('ArrowRight', { alt: true, shift: true }))).toEqual({ x: RESIZE_STEP, y: 0 });
    expect(resizeDelta(key('ArrowUp', { alt: true, shift: true }))).toEqual({ x: 0, y: -RESIZE_STEP });
  });

  it('leaves the arrows that move the selection or the focus to the editor', () => {
    expect(resizeDelta(key('ArrowRight'))).toBeNull();
    expect(resizeDelta(key('ArrowRight', { shift: true }))).toBeNull();
    expect(resizeDelta(key('ArrowRight', { alt: true }))).toBeNull();
    expect(resizeDelta(key('ArrowRight', { alt: true, shift: true, mod: true }))).toBeNull();
    expect(resizeDelta(key('ArrowRight', { alt: true, shift: true, inTextField: true }))).toBeNull();
    expect(resizeDelta(key('a', { alt: true, shift: true }))).toBeNull();
  });
});

describe('resizePatches', () => {
  it('resizes a shape from its top-left corner', () => {
    const rect = makeShape('rect', { id: 'r', x: 50, y: 60, w: 100, h: 80 });
    expect(resizePatches([rect], { x: 10, y: 0 })).toEqual([{ id: 'r', changes: { x: 50, y: 60, w: 110, h: 80 } }]);
    expect(resizePatches([rect], { x: 0, y: -10 })).toEqual([{ id: 'r', changes: { x: 50, y: 60, w: 100, h: 70 } }]);
  });

  it('scales several shapes together, from the corner of the box around them', () => {
    const a = makeShape('rect', { id: 'a', x: 0, y: 0, w: 40, h: 100 });
    const b = makeShape('rect', { id: 'b', x: 40, y: 0, w: 40, h: 100 });
    expect(resizePatches([a, b], { x: 10, y: 0 })).toEqual([
      { id: 'a', changes: { x: 0, y: 0, w: 45, h: 100 } },
      { id: 'b', changes: { x: 45, y: 0, w: 45, h: 100 } },
    ]);
  });

  it('gives round sizes, not the leftovers of float scaling', () => {
    const rect = makeShape('rect', { id: 'r', x: 0, y: 0, w: 100, h: 100 });
    expect(resizePatches([rect], { x: 10, y: 0 })).toEqual([{ id: 'r', changes: { x: 0, y: 0, w: 110, h: 100 } }]);
  });

  it('stops shrinking at the smallest size, and never grows a small shape by shrinking it', () => {
    const small = makeShape('rect', { id: 's', w: MIN_RESIZE_SIZE + 4, h: 4 });
    expect(resizePatches([small], { x: -RESIZE_STEP, y: 0 })).toEqual([{ id: 's', changes: { x: 0, y: 0, w: MIN_RESIZE_SIZE, h: 4 } }]);
    expect(resizePatches([small], { x: 0, y: -RESIZE_STEP })).toEqual([]);
  });

  it('leaves locked shapes and flat sides as they are', () => {
    expect(resizePatches([makeShape('rect', { id: 'l', locked: true })], { x: 10, y: 0 })).toEqual([]);
    expect(resizePatches([makeShape('connector', { id: 'c', h: 0 })], { x: 0, y: 10 })).toEqual([]);
  });
});

describe('connectableTargets', () => {
  it('offers every other shape but arrows, in reading order', () => {
    const shapes = [
      makeShape('sticky', { id: 'droite', x: 300 }),
      makeShape('sticky', { id: 'moi' }),
      makeShape('connector', { id: 'fleche' }),
      makeShape('frame', { id: 'bas', y: 500 }),
      makeShape('sticky', { id: 'gauche', x: 150 }),
    ];
    expect(connectableTargets(shapes, 'moi').map((shape) => shape.id)).toEqual(['gauche', 'droite', 'bas']);
  });
});

describe('connectorBetween', () => {
  it('glues an arrow to the sides the two shapes turn to each other', () => {
    const from = makeShape('sticky', { id: 'from', x: 0, y: 0, w: 100, h: 100 });
    const to = makeShape('rect', { id: 'to', x: 300, y: 0, w: 100, h: 100 });
    expect(connectorBetween(from, to, 'arrow', 'moi')).toEqual({
      id: 'arrow',
      x: 100,
      y: 50,
      w: 200,
      h: 0,
      parent: null,
      locked: false,
      author: 'moi',
      type: 'connector',
      start: { kind: 'shape', shapeId: 'from', ax: 1, ay: 0.5 },
      end: { kind: 'shape', shapeId: 'to', ax: 0, ay: 0.5 },
      stroke: 'noir',
      arrowStart: false,
      arrowEnd: true,
      text: '',
    });
  });

  it('goes from the bottom to the top when the target lies below', () => {
    const from = makeShape('sticky', { id: 'from', x: 0, y: 0 });
    const to = makeShape('sticky', { id: 'to', x: 20, y: 400 });
    const arrow = connectorBetween(from, to, 'arrow', 'moi');
    expect(arrow.type === 'connector' && [arrow.start, arrow.end]).toEqual([
      { kind: 'shape', shapeId: 'from', ax: 0.5, ay: 1 },
      { kind: 'shape', shapeId: 'to', ax: 0.5, ay: 0 },
    ]);
  });
});

describe('isPlaceableTool', () => {
  it('knows the tools whose click places a shape', () => {
    expect(isPlaceableTool('sticky')).toBe(true);
    expect(isPlaceableTool('frame')).toBe(true);
    expect(isPlaceableTool('arrow')).toBe(false);
    expect(isPlaceableTool('select')).toBe(false);
  });
});
