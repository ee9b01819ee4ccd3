import { describe, expect, it } from 'vitest';
import { Scene } from './scene.ts';
import { MemoryBoard } from './testing/memory-board.ts';
import { makeShape } from './testing/shapes.ts';
import { withoutZ } from './transform.ts';

const ids = (shapes: readonly { id: string }[]) => shapes.map((s) => s.id).sort();

describe('Scene', () => {
  it('indexes the shapes present at start and follows additions, moves and deletions', () => {
    const board = new MemoryBoard([makeShape('rect', { id: 'a', x: 0, y: 0 })]);
    const scene = new Scene(board);
    const view = { x: -10, y: -10, w: 200, h: 200 };
    expect(ids(scene.candidates(view))).toEqual(['a']);
    board.add([withoutZ(makeShape('sticky', { id: 'b', x: 50, y: 50 }))]);
    expect(ids(scene.candidates(view))).toEqual(['a', 'b']);
    board.move(['a'], 1000, 0);
    expect(ids(scene.candidates(view))).toEqual(['b']);
    board.remove(['b']);
    expect(scene.candidates(view)).toEqual([]);
    expect(scene.get('a')?.x).toBe(1000);
    expect(scene.lookup('a')).toBe(board.get('a'));
  });

  it('knows the content of each frame, at any depth, as parents change', () => {
    const board = new MemoryBoard([
      makeShape('frame', { id: 'f' }),
      makeShape('frame', { id: 'g', parent: 'f' }),
      makeShape('sticky', { id: 'k', parent: 'g' }),
      makeShape('sticky', { id: 'l', parent: 'f' }),
    ]);
    const scene = new Scene(board);
    expect(scene.descendantsOf('f')).toEqual(['g', 'l', 'k']);
    board.update([{ id: 'k', changes: { parent: null } }]);
    expect(scene.descendantsOf('f')).toEqual(['g', 'l']);
    board.update([{ id: 'l', changes: { parent: 'g' } }]);
    expect(scene.descendantsOf('g')).toEqual(['l']);
    board.remove(['l']);
    expect(scene.descendantsOf('g')).toEqual([]);
  });

  it('stops at parent cycles that remote data may hold', () => {
    const scene = new Scene(
      new MemoryBoard([makeShape('frame', { id: 'a', parent: 'b' }), makeShape('frame', { id: 'b', parent: 'a' })]),
    );
    expect(scene.descendantsOf('a')).toEqual(['b']);
  });

  it('tells its listeners after the index has caught up, until disposed', () => {
    const board = new MemoryBoard();
    const scene = new Scene(board);
    const seen: string[][] = [];
    scene.subscribe(() => seen.push(ids(scene.candidates({ x: 0, y: 0, w: 10, h: 10 }))));
    board.add([withoutZ(makeShape('rect', { id: 'a' }))]);
    expect(seen).toEqual([['a']]);
    scene.dispose();
    board.remove(['a']);
    expect(seen).toHaveLength(1);
    expect([...scene.all()]).toEqual([]);
  });
});
