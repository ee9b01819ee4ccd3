import { describe, expect, it } from 'vitest';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createHandTool } from './hand.ts';

describe('hand tool', () => {
  it('pans by the screen distance dragged, with any button', () => {
    const harness = new ToolHarness();
    const hand = createHandTool(harness.context);
    hand.onPointerDown(harness.pointer(0, 0, { button: 1 }));
    hand.onPointerMove(harness.pointer(10, 5));
    hand.onPointerMove(harness.pointer(30, 5));
    hand.onPointerUp(harness.pointer(30, 5));
    hand.onPointerMove(harness.pointer(50, 50));
    expect(harness.pans).toEqual([{ x: 10, y: 5 }, { x: 20, y: 0 }]);
  });

  it('stops on Esc', () => {
    const harness = new ToolHarness();
    const hand = createHandTool(harness.context);
    expect(hand.onCancel()).toBe(false);
    hand.onPointerDown(harness.pointer(0, 0));
    expect(hand.onCancel()).toBe(true);
    hand.onPointerMove(harness.pointer(10, 0));
    expect(harness.pans).toEqual([]);
    expect(hand.onKeyDown({ key: 'x', code: 'KeyX', shift: false, alt: false, mod: false, inTextField: false })).toBe(false);
  });
});
