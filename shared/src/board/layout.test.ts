import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addShapes,
  deleteShapes,
  moveShapes,
  observeShapes,
  readBoard,
  readShape,
  shapesMap,
  shapeText,
  shapeToYMap,
  updateShapes,
} from './layout.ts';
import type { Shape } from './schema.ts';
import { byId, connector, frame, free, glued, idSequence, rect, sticky, twoPeers } from './testing.ts';

const LOCAL = { user: 'local' };
const REMOTE = { user: 'remote' };

const next = idSequence();
const [NOTE, BOX, FRAME, CHILD, ARROW, OTHER, BROKEN] = Array.from({ length: 7 }, next) as [
  string, string, string, string, string, string, string,
];

function shapeIn(doc: Y.Doc, id: string): Shape | undefined {
  return readBoard(doc).shapes.find((shape) => shape.id === id);
}

function countUpdates(doc: Y.Doc, write: () => void): number {
  let updates = 0;
  const count = () => updates++;
  doc.on('update', count);
  write();
  doc.off('update', count);
  return updates;
}

describe('the stored layout', () => {
  it('keeps the box as one value, the text as a Y.Text and every other property under its own key', () => {
    const map = shapeToYMap(sticky(NOTE, { x: 1, y: 2, w: 3, h: 4, color: 'rose', text: 'Fuite' }));
    const doc = new Y.Doc();
    shapesMap(doc).set(NOTE, map);
    expect(map.get('box')).toEqual({ x: 1, y: 2, w: 3, h: 4 });
    expect(map.get('text')).toBeInstanceOf(Y.Text);
    expect(String(map.get('text'))).toBe('Fuite');
    expect(map.get('color')).toBe('rose');
    expect([...map.keys()].sort()).toEqual(['author', 'box', 'color', 'locked', 'parent', 'text', 'type', 'z']);
  });

  it('reads back what was added, in paint order (z, then id for equal keys)', () => {
    const doc = new Y.Doc();
    const shapes = [sticky(NOTE, { z: 'W' }), rect(BOX, { z: 'V' }), frame(FRAME, { z: 'V' })];
    addShapes(doc, shapes, LOCAL);
    const expected = [rect(BOX, { z: 'V' }), frame(FRAME, { z: 'V' })].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(readBoard(doc)).toEqual({ shapes: [...expected, sticky(NOTE, { z: 'W' })], rejected: [] });
  });

  it('gives access to the Y.Text of a shape, and null for shapes without text', () => {
    const doc = new Y.Doc();
    addShapes(doc, [sticky(NOTE, { text: 'abc' }), frame(FRAME)], LOCAL);
    expect(shapeText(doc, NOTE)?.toString()).toBe('abc');
    expect(shapeText(doc, FRAME)).toBeNull();
    expect(shapeText(doc, OTHER)).toBeNull();
  });
});

describe('reading shapes', () => {
  it.each([
    ['a plain value', () => 42, /Y\.Map attendu/],
    ['a shape without box', () => new Y.Map<unknown>([['type', 'rect']]), /^box : /],
    ['a text that is not a Y.Text', () => {
      const map = shapeToYMap(sticky(NOTE));
      map.set('text', 'plain');
      return map;
    }, /^text : Y\.Text attendu/],
    ['an unknown colour', () => {
      const map = shapeToYMap(sticky(NOTE));
      map.set('color', 'fuchsia');
      return map;
    }, /^color : /],
    ['an unknown type', () => {
      const map = shapeToYMap(sticky(NOTE));
      map.set('type', 'hologram');
      return map;
    }, /^type : /],
  ])('rejects %s with a reason', (_label, make, reason) => {
    const doc = new Y.Doc();
    shapesMap(doc).set(BROKEN, make());
    const reading = readShape(BROKEN, shapesMap(doc).get(BROKEN));
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.reason).toMatch(reason);
  });

  it('rejects an id that is not a shape id', () => {
    const doc = new Y.Doc();
    shapesMap(doc).set('pas-un-id', shapeToYMap(sticky(NOTE)));
    expect(readBoard(doc).rejected).toEqual([{ id: 'pas-un-id', reason: expect.stringMatching(/^id : /) }]);
  });

  it('skips a malformed remote shape and reports it, while the others read fine', () => {
    const { a, b, sync } = twoPeers();
    addShapes(a, [sticky(NOTE), rect(BOX)], LOCAL);
    sync();
    const raw = new Y.Map<unknown>();
    b.transact(() => {
      shapesMap(b).set(BROKEN, raw);
      raw.set('type', 'sticky');
      raw.set('box', { x: 'left', y: 0, w: 10, h: 10 });
    }, REMOTE);
    sync();
    const board = readBoard(a);
    expect(board.shapes.map((shape) => shape.id).sort()).toEqual([NOTE, BOX].sort());
    expect(board.rejected).toHaveLength(1);
    expect(board.rejected[0]?.id).toBe(BROKEN);
    expect(board.rejected[0]?.reason).toMatch(/^x : Entrée invalide : nombre attendu/);
  });

  it('ignores a remote "__proto__" key instead of letting it reach the shape', () => {
    const doc = new Y.Doc();
    const map = shapeToYMap(sticky(NOTE));
    shapesMap(doc).set(NOTE, map);
    map.set('__proto__', { color: 'rose', polluted: true });
    const reading = readShape(NOTE, map);
    expect(reading.ok && reading.shape).toEqual(sticky(NOTE));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('writing shapes', () => {
  it('refuses an invalid shape before writing anything', () => {
    const doc = new Y.Doc();
    addShapes(doc, [sticky(NOTE)], LOCAL);
    const updates = countUpdates(doc, () => {
      expect(() => addShapes(doc, [rect(BOX), sticky(OTHER, { w: -1 })], LOCAL)).toThrow(/forme .* invalide : w : Trop petit/);
      expect(() => updateShapes(doc, [{ id: NOTE, changes: { x: Number.NaN } }], LOCAL)).toThrow(RangeError);
      expect(() => moveShapes(doc, [NOTE], 1e12, 0, LOCAL)).toThrow(RangeError);
    });
    expect(updates).toBe(0);
    expect(readBoard(doc).shapes).toEqual([sticky(NOTE)]);
  });

  it('does not keep references to the objects it was given', () => {
    const doc = new Y.Doc();
    const arrow = connector(ARROW, free(0, 0), free(10, 10), { w: 10, h: 10 });
    addShapes(doc, [arrow], LOCAL);
    (arrow.start as { x: number }).x = 500;
    expect(shapeIn(doc, ARROW)).toMatchObject({ start: free(0, 0) });
  });

  it('merges a colour change and a move made at the same time by two people', () => {
    const { a, b, sync } = twoPeers();
    addShapes(a, [sticky(NOTE, { x: 0, y: 0 })], LOCAL);
    sync();
    updateShapes(a, [{ id: NOTE, changes: { color: 'vert' } }], LOCAL);
    moveShapes(b, [NOTE], 40, 50, REMOTE);
    sync();
    for (const doc of [a, b]) expect(shapeIn(doc, NOTE)).toMatchObject({ color: 'vert', x: 40, y: 50 });
  });

  it('lets one of two concurrent moves win entirely, never mixing their coordinates', () => {
    const { a, b, sync } = twoPeers();
    addShapes(a, [sticky(NOTE, { x: 0, y: 0, w: 100, h: 100 })], LOCAL);
    sync();
    updateShapes(a, [{ id: NOTE, changes: { x: 300 } }], LOCAL);
    updateShapes(b, [{ id: NOTE, changes: { y: 700, w: 150 } }], REMOTE);
    sync();
    const box = (doc: Y.Doc) => {
      const shape = shapeIn(doc, NOTE) as Shape;
      return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
    };
    expect(box(a)).toEqual(box(b));
    expect([{ x: 300, y: 0, w: 100, h: 100 }, { x: 0, y: 700, w: 150, h: 100 }]).toContainEqual(box(a));
  });

  it('never overwrites a concurrent edit with a stale copy of the shape', () => {
    const { a, b, sync } = twoPeers();
    addShapes(a, [sticky(NOTE, { color: 'jaune' })], LOCAL);
    sync();
    updateShapes(b, [{ id: NOTE, changes: { color: 'rose' } }], REMOTE);
    const stale = shapeIn(a, NOTE) as Shape;
    updateShapes(a, [{ id: NOTE, changes: { ...stale, locked: true } }], LOCAL);
    sync();
    expect(shapeIn(a, NOTE)).toMatchObject({ color: 'rose', locked: true });
  });

  it('merges two people typing in one sticky', () => {
    const { a, b, sync } = twoPeers();
    addShapes(a, [sticky(NOTE, { text: 'capteurs acoustiques' })], LOCAL);
    sync();
    updateShapes(a, [{ id: NOTE, changes: { text: 'capteurs acoustiques LoRaWAN' } }], LOCAL);
    shapeText(b, NOTE)?.insert(0, 'Idée : ');
    sync();
    for (const doc of [a, b]) expect(shapeIn(doc, NOTE)).toMatchObject({ text: 'Idée : capteurs acoustiques LoRaWAN' });
  });

  it('makes each write one update, however many shapes it touches', () => {
    const doc = new Y.Doc();
    const shapes = [
      frame(FRAME, { x: 0, y: 0, w: 1000, h: 1000 }),
      sticky(NOTE, { x: 100, y: 100, parent: FRAME }),
      sticky(CHILD, { x: 400, y: 100, parent: FRAME }),
      connector(ARROW, glued(NOTE), glued(CHILD), { parent: FRAME }),
    ];
    expect(countUpdates(doc, () => addShapes(doc, shapes, LOCAL))).toBe(1);
    expect(countUpdates(doc, () => moveShapes(doc, [FRAME], 5, 5, LOCAL))).toBe(1);
    expect(countUpdates(doc, () => updateShapes(doc, [{ id: NOTE, changes: { color: 'bleu', text: 'x', w: 120 } }], LOCAL))).toBe(1);
    expect(countUpdates(doc, () => deleteShapes(doc, [FRAME], LOCAL))).toBe(1);
    expect(readBoard(doc).shapes).toEqual([]);
  });

  it('makes an undo take back the local gesture only', () => {
    const { a, b, sync } = twoPeers();
    addShapes(a, [sticky(NOTE, { x: 0, y: 0 })], REMOTE);
    sync();
    const undo = new Y.UndoManager(shapesMap(a), { trackedOrigins: new Set([LOCAL]) });
    moveShapes(a, [NOTE], 10, 10, LOCAL);
    updateShapes(b, [{ id: NOTE, changes: { color: 'violet' } }], REMOTE);
    sync();
    undo.undo();
    expect(shapeIn(a, NOTE)).toMatchObject({ x: 0, y: 0, color: 'violet' });
  });
});

describe('deleting shapes', () => {
  it('unbinds the connectors glued to a deleted shape, in the same update', () => {
    const { a, b, sync } = twoPeers();
    addShapes(a, [
      rect(BOX, { x: 0, y: 0, w: 100, h: 100 }),
      rect(OTHER, { x: 300, y: 0, w: 100, h: 100 }),
      connector(ARROW, glued(BOX, 1, 0.5), glued(OTHER, 0, 0.5), { x: 100, y: 50, w: 200, h: 0 }),
    ], LOCAL);
    sync();
    const updates: Uint8Array[] = [];
    a.on('update', (update: Uint8Array) => updates.push(update));
    deleteShapes(a, [OTHER], LOCAL);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(b, updates[0] as Uint8Array);
    expect(shapeIn(b, OTHER)).toBeUndefined();
    expect(shapeIn(b, ARROW)).toMatchObject({ start: glued(BOX, 1, 0.5), end: free(300, 50), x: 100, y: 50, w: 200, h: 0 });
  });

  it('deletes a shape that could not be read', () => {
    const doc = new Y.Doc();
    shapesMap(doc).set(BROKEN, 'garbage');
    deleteShapes(doc, [BROKEN, OTHER], LOCAL);
    expect(shapesMap(doc).size).toBe(0);
  });
});

describe('moving shapes', () => {
  it('moves a frame with its content and the connectors between them, for every peer', () => {
    const { a, b, sync } = twoPeers();
    addShapes(a, [
      frame(FRAME, { x: 0, y: 0, w: 1000, h: 1000 }),
      sticky(NOTE, { x: 100, y: 100, w: 100, h: 100, parent: FRAME }),
      sticky(CHILD, { x: 400, y: 100, w: 100, h: 100, parent: FRAME }),
      connector(ARROW, glued(NOTE, 1, 0.5), glued(CHILD, 0, 0.5), { x: 200, y: 150, w: 200, h: 0 }),
      sticky(OTHER, { x: 2000, y: 0 }),
    ], LOCAL);
    sync();
    moveShapes(a, [FRAME], 50, -20, LOCAL);
    sync();
    const shapes = byId(readBoard(b).shapes);
    expect(shapes.get(FRAME)).toMatchObject({ x: 50, y: -20 });
    expect(shapes.get(NOTE)).toMatchObject({ x: 150, y: 80, parent: FRAME });
    expect(shapes.get(CHILD)).toMatchObject({ x: 450, y: 80, parent: FRAME });
    expect(shapes.get(ARROW)).toMatchObject({ x: 250, y: 130, w: 200, h: 0 });
    expect(shapes.get(OTHER)).toMatchObject({ x: 2000, y: 0 });
  });
});

describe('observeShapes', () => {
  it('reports the changed and the deleted ids of each transaction, until unsubscribed', () => {
    const { a, b, sync } = twoPeers();
    const calls: [string[], string[]][] = [];
    const stop = observeShapes(b, (changed, deleted) => calls.push([[...changed].sort(), [...deleted]]));
    addShapes(a, [sticky(NOTE), sticky(OTHER)], LOCAL);
    sync();
    updateShapes(a, [{ id: NOTE, changes: { text: 'nouveau' } }], LOCAL);
    sync();
    updateShapes(b, [{ id: OTHER, changes: { color: 'gris' } }], LOCAL);
    deleteShapes(a, [NOTE], LOCAL);
    sync();
    stop();
    moveShapes(b, [OTHER], 1, 1, LOCAL);
    expect(calls).toEqual([
      [[NOTE, OTHER].sort(), []],
      [[NOTE], []],
      [[OTHER], []],
      [[], [NOTE]],
    ]);
  });
});
