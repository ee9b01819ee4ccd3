import { describe, expect, it } from 'vitest';
import { ClickCounter, modifiersOf, wheelPixels } from './pointer-input.ts';

describe('modifiersOf', () => {
  it('reads Ctrl and ⌘ alike', () => {
    expect(modifiersOf({ shiftKey: false, altKey: false, ctrlKey: true, metaKey: false }).mod).toBe(true);
    expect(modifiersOf({ shiftKey: true, altKey: false, ctrlKey: false, metaKey: true })).toEqual({ shift: true, alt: false, mod: true });
  });
});

describe('wheelPixels', () => {
  it('turns lines and pages into pixels', () => {
    expect(wheelPixels(3, 0, 800)).toBe(3);
    expect(wheelPixels(3, 1, 800)).toBe(48);
    expect(wheelPixels(1, 2, 800)).toBe(800);
  });
});

describe('ClickCounter', () => {
  it('counts quick presses at one place as a series', () => {
    const clicks = new ClickCounter();
    expect(clicks.press(0, { x: 10, y: 10 })).toBe(1);
    expect(clicks.press(200, { x: 12, y: 11 })).toBe(2);
    expect(clicks.press(350, { x: 12, y: 11 })).toBe(3);
  });

  it('starts again after a pause or a move', () => {
    const clicks = new ClickCounter();
    clicks.press(0, { x: 10, y: 10 });
    expect(clicks.press(900, { x: 10, y: 10 })).toBe(1);
    expect(clicks.press(1000, { x: 40, y: 10 })).toBe(1);
  });
});
