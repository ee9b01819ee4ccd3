import { describe, expect, it } from 'vitest';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createPenTool, limitPoints, PEN_THICKNESS, simplifyStroke, type StrokePoint } from './pen.ts';

const at = (x: number, y: number, pressure = 0.5): StrokePoint => ({ x, y, pressure });

describe('simplifyStroke', () => {
  it('drops points that lie on the line through their neighbours, keeps corners', () => {
    const points = [at(0, 0), at(5, 0.1), at(10, 0), at(10, 5), at(10, 10)];
    expect(simplifyStroke(points, 0.5)).toEqual([at(0, 0), at(10, 0), at(10, 10)]);
    expect(simplifyStroke(points, 0.05)).toEqual([at(0, 0), at(5, 0.1), at(10, 0), at(10, 10)]);
    expect(simplifyStroke([at(1, 1)], 1)).toEqual([at(1, 1)]);
  });

  it('thins a long wavy stroke (a minute of drawing at 240 Hz), keeping its ends', () => {
    const long = Array.from({ length: 15_000 }, (_, i) => at(i, Math.sin(i / 100) * 50));
    const simplified = simplifyStroke(long, 0.5);
    expect(simplified.length).toBeLessThan(long.length / 10);
    expect(simplified[0]).toEqual(long[0]);
    expect(simplified.at(-1)).toEqual(long.at(-1));
  });
});

describe('limitPoints', () => {
  it('thins evenly to the limit, keeping the first and last points', () => {
    const points = Array.from({ length: 10_001 }, (_, i) => i);
    const limited = limitPoints(points, 5_000);
    expect(limited.length).toBeLessThanOrEqual(5_000);
    expect(limited[0]).toBe(0);
    expect(limited.at(-1)).toBe(10_000);
    expect(new Set(limited).size).toBe(limited.length);
    expect(limitPoints([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });
});

describe('pen tool', () => {
  it('commits one draw shape per stroke, points relative to its box, and stays on', () => {
    const harness = new ToolHarness();
    const pen = createPenTool(harness.context);
    pen.onPointerDown(harness.pointer(100, 100, { pressure: 0.2 }));
    pen.onPointerMove(harness.pointer(100.5, 100));
    pen.onPointerMove(harness.pointer(150, 120, { pressure: 0.6 }));
    pen.onPointerMove(harness.pointer(200, 100, { pressure: 0.8 }));
    expect(harness.preview).toMatchObject({ kind: 'create', shape: { type: 'draw' } });
    pen.onPointerUp(harness.pointer(200, 100));
    expect(harness.board.callsOf('add')).toHaveLength(1);
    expect(harness.board.get('new1')).toMatchObject({
      type: 'draw',
      x: 100,
      y: 100,
      w: 100,
      h: 20,
      thickness: PEN_THICKNESS,
      points: [[0, 0, 0.2], [50, 20, 0.6], [100, 0, 0.8]],
    });
    expect(harness.preview).toBeNull();
    expect(harness.toolChanges).toEqual([]);
  });

  it('draws a dot on a click and nothing once cancelled', () => {
    const harness = new ToolHarness();
    const pen = createPenTool(harness.context);
    harness.click(pen, 10, 10);
    expect(harness.board.get('new1')).toMatchObject({ x: 10, y: 10, w: 0, h: 0, points: [[0, 0, 0.5]] });
    pen.onPointerDown(harness.pointer(0, 0));
    pen.onPointerMove(harness.pointer(50, 50));
    expect(pen.onCancel()).toBe(true);
    pen.onPointerUp(harness.pointer(50, 50));
    expect(harness.board.all()).toHaveLength(1);
    expect(pen.onCancel()).toBe(false);
  });
});
