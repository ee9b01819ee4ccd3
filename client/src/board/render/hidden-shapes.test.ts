import { describe, expect, it } from 'vitest';
import { makeShape } from '../engine/testing/shapes.ts';
import { hiddenIds, previewedIds } from './hidden-shapes.ts';

describe('previewedIds', () => {
  it('lists the shapes a drag or a resize shows elsewhere', () => {
    expect(previewedIds({ kind: 'move', ids: ['a', 'b'], dx: 1, dy: 1 })).toEqual(['a', 'b']);
    expect(previewedIds({ kind: 'resize', patches: [{ id: 'c', changes: { w: 3 } }] })).toEqual(['c']);
    expect(previewedIds({ kind: 'marquee', rect: { x: 0, y: 0, w: 1, h: 1 } })).toEqual([]);
    expect(previewedIds(null)).toEqual([]);
  });
});

describe('hiddenIds', () => {
  const shapes = [
    makeShape('sticky', { id: 'a' }),
    makeShape('sticky', { id: 'b' }),
    makeShape('connector', { id: 'ab', start: { kind: 'shape', shapeId: 'a', ax: 0.5, ay: 0.5 }, end: { kind: 'shape', shapeId: 'b', ax: 0.5, ay: 0.5 } }),
    makeShape('connector', { id: 'free' }),
  ];

  it('hides the connectors glued to dragged shapes with them', () => {
    expect([...hiddenIds(new Set(['b']), null, shapes)].sort()).toEqual(['ab', 'b']);
  });

  it('hides the shape being edited', () => {
    expect([...hiddenIds(new Set(), 'a', shapes)]).toEqual(['a']);
  });
});
