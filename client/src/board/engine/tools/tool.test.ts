import { describe, expect, it } from 'vitest';
import { ToolHarness } from '../testing/tool-harness.ts';
import { isDrag, worldTolerance } from './tool.ts';

describe('tool helpers', () => {
  it('tells a drag from a trembling click by screen distance', () => {
    const harness = new ToolHarness();
    expect(isDrag(harness.pointer(0, 0), harness.pointer(2, 2))).toBe(false);
    expect(isDrag(harness.pointer(0, 0), harness.pointer(4, 0))).toBe(true);
    harness.zoom = 0.5;
    // 4 world units are only 2 pixels at 50 %.
    expect(isDrag(harness.pointer(0, 0), harness.pointer(4, 0))).toBe(false);
  });

  it('shrinks screen-pixel tolerances into world units as the zoom grows', () => {
    const harness = new ToolHarness();
    harness.zoom = 4;
    expect(worldTolerance(harness.context)).toBe(1);
    expect(worldTolerance(harness.context, 8)).toBe(2);
  });
});
