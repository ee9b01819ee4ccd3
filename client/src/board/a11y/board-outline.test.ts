import { describe, expect, it } from 'vitest';
import type { Shape } from '../engine/shape-model.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { buildOutline, type OutlineNode } from './board-outline.ts';

/** Descriptions are tested in `shape-description.test.ts`: here a shape is its id. */
const byId = (shape: Shape) => shape.id;

/** The tree as nested ids, to compare whole outlines at a glance. */
function shape(nodes: readonly OutlineNode[]): unknown[] {
  return nodes.map((node) => (node.kind === 'frame' ? { [node.id]: shape(node.children), count: node.count } : node.id));
}

describe('buildOutline', () => {
  it('lists frames in reading order with their content, then what lies in no frame', () => {
    const shapes = [
      makeShape('sticky', { id: 'libre', x: 5000, y: 0 }),
      makeShape('frame', { id: 'droite', x: 1200, y: 10, w: 1000, h: 800 }),
      makeShape('frame', { id: 'gauche', x: 0, y: 0, w: 1000, h: 800 }),
      makeShape('frame', { id: 'bas', x: 0, y: 2000, w: 1000, h: 800 }),
      makeShape('sticky', { id: 'g2', x: 300, y: 100, parent: 'gauche' }),
      makeShape('sticky', { id: 'g1', x: 50, y: 100, parent: 'gauche' }),
      makeShape('sticky', { id: 'g3', x: 50, y: 400, parent: 'gauche' }),
      makeShape('connector', { id: 'fleche', x: 0, y: 900 }),
    ];
    const outline = buildOutline(shapes, byId);
    expect(shape(outline.frames)).toEqual([{ gauche: ['g1', 'g2', 'g3'], count: 3 }, { droite: [], count: 0 }, { bas: [], count: 0 }]);
    expect(outline.unframed.map((item) => item.id)).toEqual(['libre', 'fleche']);
    expect(outline.count).toBe(8);
  });

  it('nests frames within frames, counting content at every depth', () => {
    const shapes = [
      makeShape('frame', { id: 'atelier', w: 2000, h: 2000 }),
      makeShape('sticky', { id: 'intro', x: 10, y: 10, parent: 'atelier' }),
      makeShape('frame', { id: 'groupe', x: 10, y: 300, w: 800, h: 800, parent: 'atelier' }),
      makeShape('sticky', { id: 'idee', x: 20, y: 320, parent: 'groupe' }),
      makeShape('frame', { id: 'sous-groupe', x: 20, y: 500, w: 300, h: 300, parent: 'groupe' }),
      makeShape('text', { id: 'detail', x: 30, y: 520, parent: 'sous-groupe' }),
    ];
    expect(shape(buildOutline(shapes, byId).frames)).toEqual([
      { atelier: ['intro', { groupe: ['idee', { 'sous-groupe': ['detail'], count: 1 }], count: 3 }], count: 5 },
    ]);
  });

  it('lists a shape whose parent is missing or not a frame as outside frames', () => {
    const shapes = [makeShape('rect', { id: 'r' }), makeShape('sticky', { id: 'orphelin', y: 200, parent: 'disparu' }), makeShape('sticky', { id: 'dans-rect', y: 400, parent: 'r' })];
    const outline = buildOutline(shapes, byId);
    expect(outline.frames).toEqual([]);
    expect(outline.unframed.map((item) => item.id)).toEqual(['r', 'orphelin', 'dans-rect']);
  });

  it('lists every shape once even when remote frames are each other’s parents', () => {
    const shapes = [
      makeShape('frame', { id: 'a', parent: 'b' }),
      makeShape('frame', { id: 'b', y: 500, parent: 'a' }),
      makeShape('frame', { id: 'soi', x: 5000, parent: 'soi' }),
      makeShape('sticky', { id: 'n', y: 600, parent: 'b' }),
    ];
    const outline = buildOutline(shapes, byId);
    expect(shape(outline.frames)).toEqual([{ soi: [], count: 0 }, { a: [{ b: ['n'], count: 1 }], count: 2 }]);
  });

  it('describes each entry and says which open for typing', () => {
    const shapes = [makeShape('sticky', { id: 's' }), makeShape('draw', { id: 'd', y: 200 }), makeShape('image', { id: 'i', y: 400 }), makeShape('frame', { id: 'f', x: 5000 })];
    const outline = buildOutline(shapes, (s) => `${s.type} ${s.id}`);
    expect(outline.unframed.map(({ description, editable }) => [description, editable])).toEqual([
      ['sticky s', true],
      ['draw d', false],
      ['image i', false],
    ]);
    expect(outline.frames[0]).toMatchObject({ description: 'frame f', editable: true, type: 'frame' });
  });
});
