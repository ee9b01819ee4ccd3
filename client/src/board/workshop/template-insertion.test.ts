import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShapes, BOARD_TEMPLATES, readBoard, shapesMap, type Frame } from '@eprouvette/shared';
import { idSequence, rect } from '../../../../shared/src/board/testing.ts';
import { YjsHistory } from '../engine/history.ts';
import { centredAt, insertTemplate, topZ } from './template-insertion.ts';

const origin = { local: true };

describe('topZ', () => {
  it('is the highest key on the board, none on an empty one', () => {
    const doc = new Y.Doc();
    expect(topZ(doc)).toBeNull();
    const next = idSequence();
    addShapes(doc, [rect(next(), { z: 'a' }), rect(next(), { z: 'b1' }), rect(next(), { z: 'V' })], 'peer');
    expect(topZ(doc)).toBe('b1');
  });

  it('ignores entries without a valid key', () => {
    const doc = new Y.Doc();
    addShapes(doc, [rect(idSequence()(), { z: 'V' })], 'peer');
    const broken = new Y.Map<unknown>();
    broken.set('z', 'not a key!');
    shapesMap(doc).set('cassee', broken);
    shapesMap(doc).set('autre', 'pas une forme');
    expect(topZ(doc)).toBe('V');
  });
});

describe('centredAt', () => {
  it('puts the middle of the size on the point, on whole units', () => {
    expect(centredAt({ x: 100, y: 50 }, { w: 400, h: 201 })).toEqual({ x: -100, y: -50 });
  });
});

describe.each(BOARD_TEMPLATES)('inserting the $label template', ({ id, label }) => {
  it('centres its frame on the view, above everything, as one undo step', () => {
    const doc = new Y.Doc();
    const next = idSequence();
    addShapes(doc, [rect(next(), { z: 'x' })], 'peer');
    const history = new YjsHistory(shapesMap(doc), origin);
    const rootId = insertTemplate(doc, id, { center: { x: 2000, y: -500 }, author: 'animatrice', newId: next, origin });

    const { shapes, rejected } = readBoard(doc);
    expect(rejected).toEqual([]);
    const root = shapes.find((shape) => shape.id === rootId) as Frame;
    expect(root).toMatchObject({ type: 'frame', title: label, parent: null, author: 'animatrice' });
    expect(Math.abs(root.x + root.w / 2 - 2000)).toBeLessThanOrEqual(1);
    expect(Math.abs(root.y + root.h / 2 + 500)).toBeLessThanOrEqual(1);
    const added = shapes.filter((shape) => shape.author === 'animatrice');
    expect(added.length).toBeGreaterThan(1);
    expect(added.every((shape) => shape.z > 'x')).toBe(true);

    history.undo();
    expect(readBoard(doc).shapes.map((shape) => shape.z)).toEqual(['x']);
    history.destroy();
  });
});
