import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyInput } from './shortcuts.ts';

const press = (key: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key,
  code: '',
  shift: false,
  alt: false,
  mod: false,
  inTextField: false,
  ...extra,
});

describe('shortcutFor', () => {
  it('maps tool letters, whatever the case, without modifiers', () => {
    const letters = { v: 'select', h: 'hand', n: 'sticky', t: 'text', r: 'rect', o: 'ellipse', a: 'arrow', p: 'pen', f: 'frame' };
    for (const [key, tool] of Object.entries(letters)) expect(shortcutFor(press(key))).toEqual({ kind: 'tool', tool });
    expect(shortcutFor(press('R'))).toEqual({ kind: 'tool', tool: 'rect' });
    expect(shortcutFor(press('r', { shift: true }))).toBeNull();
    expect(shortcutFor(press('q'))).toBeNull();
  });

  it('maps C to commenting, and only without modifiers', () => {
    expect(shortcutFor(press('c'))).toEqual({ kind: 'comment' });
    expect(shortcutFor(press('C'))).toEqual({ kind: 'comment' });
    expect(shortcutFor(press('c', { alt: true }))).toBeNull();
    expect(shortcutFor(press('c', { inTextField: true }))).toBeNull();
  });

  it('maps Esc and both delete keys', () => {
    expect(shortcutFor(press('Escape'))).toEqual({ kind: 'cancel' });
    expect(shortcutFor(press('Delete'))).toEqual({ kind: 'delete' });
    expect(shortcutFor(press('Backspace'))).toEqual({ kind: 'delete' });
  });

  it('maps Ctrl/⌘ combinations', () => {
    expect(shortcutFor(press('z', { mod: true }))).toEqual({ kind: 'undo' });
    expect(shortcutFor(press('Z', { mod: true, shift: true }))).toEqual({ kind: 'redo' });
    expect(shortcutFor(press('y', { mod: true }))).toEqual({ kind: 'redo' });
    expect(shortcutFor(press('d', { mod: true }))).toEqual({ kind: 'duplicate' });
    expect(shortcutFor(press('a', { mod: true }))).toEqual({ kind: 'select-all' });
    expect(shortcutFor(press('c', { mod: true }))).toEqual({ kind: 'copy' });
    expect(shortcutFor(press('x', { mod: true }))).toEqual({ kind: 'cut' });
    expect(shortcutFor(press('v', { mod: true }))).toEqual({ kind: 'paste' });
    expect(shortcutFor(press('l', { mod: true }))).toEqual({ kind: 'toggle-lock' });
    expect(shortcutFor(press('q', { mod: true }))).toBeNull();
  });

  it('maps zoom keys, including Shift+1 and Shift+2 by physical key', () => {
    expect(shortcutFor(press('+', { shift: true }))).toEqual({ kind: 'zoom-in' });
    expect(shortcutFor(press('=', { mod: true }))).toEqual({ kind: 'zoom-in' });
    expect(shortcutFor(press('-'))).toEqual({ kind: 'zoom-out' });
    expect(shortcutFor(press('!', { code: 'Digit1', shift: true }))).toEqual({ kind: 'zoom-to-fit' });
    // AZERTY: Shift+& types 1.
    expect(shortcutFor(press('1', { code: 'Digit1', shift: true }))).toEqual({ kind: 'zoom-to-fit' });
    expect(shortcutFor(press('@', { code: 'Digit2', shift: true }))).toEqual({ kind: 'zoom-to-selection' });
  });

  it('nudges with arrows, by ten with shift, and moves focus with Alt', () => {
    expect(shortcutFor(press('ArrowLeft'))).toEqual({ kind: 'nudge', direction: 'left', large: false });
    expect(shortcutFor(press('ArrowDown', { shift: true }))).toEqual({ kind: 'nudge', direction: 'down', large: true });
    expect(shortcutFor(press('ArrowUp', { alt: true }))).toEqual({ kind: 'focus', direction: 'up' });
  });

  it('reorders with brackets, even typed with AltGr', () => {
    expect(shortcutFor(press(']'))).toEqual({ kind: 'reorder', direction: 'forward' });
    expect(shortcutFor(press('[', { mod: true, alt: true }))).toEqual({ kind: 'reorder', direction: 'backward' });
  });

  it('leaves every key to a focused text field', () => {
    for (const input of [press('Delete'), press('z', { mod: true }), press('r'), press('Escape'), press('ArrowLeft')]) {
      expect(shortcutFor({ ...input, inTextField: true })).toBeNull();
    }
  });
});
