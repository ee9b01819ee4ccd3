import { describe, expect, it } from 'vitest';
import { focusIndexAfter } from './list-navigation.ts';

describe('focusIndexAfter', () => {
  it('moves one entry down or up, stopping at the ends', () => {
    expect(focusIndexAfter('ArrowDown', 1, 3)).toBe(2);
    expect(focusIndexAfter('ArrowDown', 2, 3)).toBe(2);
    expect(focusIndexAfter('ArrowUp', 1, 3)).toBe(0);
    expect(focusIndexAfter('ArrowUp', 0, 3)).toBe(0);
  });

  it('jumps to the first or last entry', () => {
    expect(focusIndexAfter('Home', 2, 3)).toBe(0);
    expect(focusIndexAfter('End', 0, 3)).toBe(2);
  });

  it('leaves other keys, and empty lists, alone', () => {
    expect(focusIndexAfter('Enter', 0, 3)).toBeNull();
    expect(focusIndexAfter('ArrowDown', 0, 0)).toBeNull();
  });
});
