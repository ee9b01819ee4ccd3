import { describe, expect, it } from 'vitest';
import { makeShape } from '../engine/testing/shapes.ts';
import { availability } from './toolbar-state.ts';

const sticky = (id: string, locked = false) => makeShape('sticky', { id, locked });
const arrow = makeShape('connector', { id: 'c' });

describe('availability', () => {
  it('offers only looking around on a read-only board', () => {
    const state = availability([sticky('a'), sticky('b'), sticky('c')], true, true, true, false);
    expect(state.tool('select')).toBe(true);
    expect(state.tool('hand')).toBe(true);
    expect(state.tool('sticky')).toBe(false);
    expect([state.undo, state.redo, state.align, state.distribute, state.arrange, state.lock, state.remove, state.pickColour]).toEqual(Array(8).fill(false));
  });

  it('lets whoever may comment comment, even on a read-only board, and nobody else', () => {
    expect(availability([], true, false, false, true).tool('comment')).toBe(true);
    expect(availability([], false, false, false, true).tool('comment')).toBe(true);
    expect(availability([], true, false, false, false).tool('comment')).toBe(false);
    expect(availability([], false, false, false, false).tool('comment')).toBe(false);
  });

  it('aligns two shapes and distributes three, connectors aside', () => {
    expect(availability([sticky('a'), arrow], false, false, false, false).align).toBe(false);
    expect(availability([sticky('a'), sticky('b')], false, false, false, false).align).toBe(true);
    expect(availability([sticky('a'), sticky('b'), arrow], false, false, false, false).distribute).toBe(false);
    expect(availability([sticky('a'), sticky('b'), sticky('c')], false, false, false, false).distribute).toBe(true);
  });

  it('lets locked shapes be unlocked, but not deleted', () => {
    const state = availability([sticky('a', true)], false, false, false, false);
    expect(state.lock).toBe(true);
    expect(state.remove).toBe(false);
  });

  it('lets a colour be picked for the next note with nothing selected', () => {
    expect(availability([], false, false, false, false).pickColour).toBe(true);
  });

  it('follows the history', () => {
    const state = availability([], false, true, false, false);
    expect(state.undo).toBe(true);
    expect(state.redo).toBe(false);
  });
});
