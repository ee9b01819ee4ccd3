import { describe, expect, it } from 'vitest';
import { menuFocusAfter } from './menu-navigation.ts';

const labels = ['Image PNG du tableau', 'Image PNG de la sélection', 'SVG du tableau', 'PDF (une page par cadre)', 'Écrire'];

describe('menuFocusAfter', () => {
  it('moves with the arrows and wraps at the ends', () => {
    expect(menuFocusAfter('ArrowDown', 0, labels)).toBe(1);
    expect(menuFocusAfter('ArrowDown', 4, labels)).toBe(0);
    expect(menuFocusAfter('ArrowUp', 0, labels)).toBe(4);
  });

  it('jumps to the ends with Home and End', () => {
    expect(menuFocusAfter('Home', 3, labels)).toBe(0);
    expect(menuFocusAfter('End', 0, labels)).toBe(4);
  });

  it('jumps to the next item starting with a typed letter, ignoring case and accents', () => {
    expect(menuFocusAfter('i', 0, labels)).toBe(1);
    expect(menuFocusAfter('I', 1, labels)).toBe(0);
    expect(menuFocusAfter('p', 0, labels)).toBe(3);
    expect(menuFocusAfter('e', 0, labels)).toBe(4);
  });

  it('ignores other keys, letters no item starts with, and an empty menu', () => {
    expect(menuFocusAfter('Enter', 0, labels)).toBeNull();
    expect(menuFocusAfter(' ', 0, labels)).toBeNull();
    expect(menuFocusAfter('z', 0, labels)).toBeNull();
    expect(menuFocusAfter('ArrowDown', 0, [])).toBeNull();
  });
});
