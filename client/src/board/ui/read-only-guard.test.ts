import { describe, expect, it } from 'vitest';
import { MemoryBoard } from '../engine/testing/memory-board.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { guardCommands, guardHistory } from './read-only-guard.ts';

describe('read-only guard', () => {
  it('writes nothing while read-only, and writes again once allowed', () => {
    const board = new MemoryBoard([makeShape('sticky', { id: 'a' })]);
    let readOnly = true;
    const commands = guardCommands(board, () => readOnly);
    commands.move(['a'], 10, 0);
    commands.remove(['a']);
    commands.transact(() => board.move(['a'], 5, 5));
    expect(board.calls).toEqual([]);
    readOnly = false;
    commands.move(['a'], 10, 0);
    expect(board.callsOf('move')).toHaveLength(1);
  });

  it('neither undoes nor offers to while read-only', () => {
    const board = new MemoryBoard([makeShape('sticky', { id: 'a' })]);
    board.move(['a'], 10, 0);
    let readOnly = true;
    const history = guardHistory(board.history, () => readOnly);
    expect(history.canUndo()).toBe(false);
    history.undo();
    expect(board.get('a')?.x).toBe(10);
    readOnly = false;
    history.undo();
    expect(board.get('a')?.x).toBe(0);
  });
});
