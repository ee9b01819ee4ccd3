import { describe, expect, it } from 'vitest';
import { templateBuilder } from './template-builder.ts';
import { idSequence } from './testing.ts';

describe('templateBuilder', () => {
  it('places shapes relative to the drop point, above the board, in creation order', () => {
    const build = templateBuilder({ at: { x: 1000, y: 2000 }, author: 'animatrice', newId: idSequence(), above: 'k' });
    const frame = build.frame('Cadre', { x: 0, y: 0, w: 500, h: 400 });
    const note = build.sticky('Idée', { x: 20, y: 60, w: 200, h: 200 }, frame, 'vert');
    build.text('Titre', { x: 20, y: 10, w: 200, h: 40 }, frame, 24);
    const shapes = build.shapes();
    expect(shapes.map((shape) => shape.type)).toEqual(['frame', 'sticky', 'text']);
    expect(shapes[1]).toMatchObject({ id: note, x: 1020, y: 2060, parent: frame, color: 'vert', author: 'animatrice', locked: false });
    expect(shapes[2]).toMatchObject({ fontSize: 24, color: 'noir' });
    const keys = shapes.map((shape) => shape.z);
    expect(keys[0] && keys[0] > 'k').toBe(true);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('derives arrow boxes from glued and free ends', () => {
    const build = templateBuilder({ at: { x: 100, y: 100 }, author: 'a', newId: idSequence(), above: null });
    const box = build.frame('A', { x: 0, y: 0, w: 100, h: 100 });
    build.arrow({ shapeId: box, ax: 1, ay: 0.5 }, { x: 300, y: 50 }, 'vers');
    const arrow = build.shapes()[1];
    expect(arrow).toMatchObject({
      type: 'connector',
      start: { kind: 'shape', shapeId: box, ax: 1, ay: 0.5 },
      end: { kind: 'point', x: 400, y: 150 },
      x: 200,
      y: 150,
      w: 200,
      h: 0,
      text: 'vers',
      arrowEnd: true,
    });
  });
});
