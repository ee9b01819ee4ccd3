import { describe, expect, it } from 'vitest';
import { MemoryBoard, reorderIds } from './memory-board.ts';
import { makeShape } from './shapes.ts';
import { withoutZ } from '../transform.ts';

function recordChanges(board: MemoryBoard): [string[], string[]][] {
  const changes: [string[], string[]][] = [];
  board.subscribe((changed, deleted) => changes.push([[...changed].sort(), [...deleted].sort()]));
  return changes;
}

describe('MemoryBoard', () => {
  it('adds on top, updates, moves and removes, notifying once per transaction', () => {
    const board = new MemoryBoard([makeShape('rect', { id: 'a' })]);
    const changes = recordChanges(board);
    board.add([withoutZ(makeShape('sticky', { id: 'b', x: 5 }))]);
    expect(board.all().map((s) => s.id)).toEqual(['a', 'b']);
    board.transact(() => {
      board.update([{ id: 'a', changes: { locked: true } }]);
      board.move(['b'], 10, 0);
    });
    expect(board.get('a')?.locked).toBe(true);
    expect(board.get('b')?.x).toBe(15);
    board.remove(['a']);
    expect(board.get('a')).toBeUndefined();
    expect(changes).toEqual([
      [['b'], []],
      [['a', 'b'], []],
      [[], ['a']],
    ]);
    expect(board.callsOf('move')).toEqual([{ command: 'move', ids: ['b'], dx: 10, dy: 0 }]);
  });

  it('keeps connectors glued: their box follows the shapes they join', () => {
    const board = new MemoryBoard([
      makeShape('rect', { id: 'r', x: 100, y: 100, w: 100, h: 100 }),
      makeShape('connector', { id: 'c', x: 0, y: 0, w: 100, h: 150, start: { kind: 'point', x: 0, y: 0 }, end: { kind: 'shape', shapeId: 'r', ax: 0, ay: 0.5 } }),
    ]);
    board.move(['r'], 100, 0);
    expect(board.get('c')).toMatchObject({ x: 0, y: 0, w: 200, h: 150 });
  });

  it("moves and deletes a frame's content with it, freeing connector ends glued to what goes", () => {
    const board = new MemoryBoard([
      makeShape('frame', { id: 'f', x: 0, y: 0, w: 500, h: 500 }),
      makeShape('frame', { id: 'g', x: 10, y: 10, w: 200, h: 200, parent: 'f' }),
      makeShape('sticky', { id: 'k', x: 20, y: 20, w: 100, h: 100, parent: 'g' }),
      makeShape('connector', { id: 'c', x: 120, y: 70, w: 880, h: 0, start: { kind: 'shape', shapeId: 'k', ax: 1, ay: 0.5 }, end: { kind: 'point', x: 1000, y: 70 } }),
    ]);
    board.move(['f'], 100, 0);
    expect(board.get('k')?.x).toBe(120);
    expect(board.get('c')).toMatchObject({ x: 220, w: 780 });
    board.remove(['f']);
    expect(board.all().map((s) => s.id)).toEqual(['c']);
    expect(board.get('c')).toMatchObject({ start: { kind: 'point', x: 220, y: 70 } });
  });

  it('reorders shapes and renumbers their z keys', () => {
    const board = new MemoryBoard(['a', 'b', 'c'].map((id, i) => makeShape('rect', { id, z: `a${i}` })));
    board.reorder(['a'], 'front');
    expect(board.all().map((s) => s.id)).toEqual(['b', 'c', 'a']);
    board.reorder(['a'], 'backward');
    expect(board.all().map((s) => s.id)).toEqual(['b', 'a', 'c']);
    board.add([withoutZ(makeShape('rect', { id: 'd' }))]);
    expect(board.all().map((s) => s.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('undoes and redoes whole transactions, and forgets redo after a new change', () => {
    const board = new MemoryBoard([makeShape('rect', { id: 'a', x: 0 })]);
    let notified = 0;
    board.history.subscribe(() => notified++);
    board.transact(() => {
      board.move(['a'], 10, 0);
      board.add([withoutZ(makeShape('rect', { id: 'b' }))]);
    });
    expect(board.history.canUndo()).toBe(true);
    board.history.undo();
    expect(board.get('a')?.x).toBe(0);
    expect(board.get('b')).toBeUndefined();
    expect(board.history.canRedo()).toBe(true);
    board.history.redo();
    expect(board.get('a')?.x).toBe(10);
    expect(board.get('b')).toBeDefined();
    board.history.undo();
    board.move(['a'], 1, 0);
    expect(board.history.canRedo()).toBe(false);
    expect(notified).toBe(5);
  });
});

describe('reorderIds', () => {
  const order = ['a', 'b', 'c', 'd'];

  it('brings to front and sends to back, keeping the relative order', () => {
    expect(reorderIds(order, new Set(['a', 'c']), 'front')).toEqual(['b', 'd', 'a', 'c']);
    expect(reorderIds(order, new Set(['b', 'd']), 'back')).toEqual(['b', 'd', 'a', 'c']);
  });

  it('moves one step, adjacent moving shapes together', () => {
    expect(reorderIds(order, new Set(['a', 'b']), 'forward')).toEqual(['c', 'a', 'b', 'd']);
    expect(reorderIds(order, new Set(['d']), 'forward')).toEqual(order);
    expect(reorderIds(order, new Set(['c', 'd']), 'backward')).toEqual(['a', 'c', 'd', 'b']);
  });
});
