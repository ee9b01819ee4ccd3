import { describe, expect, it } from 'vitest';
import { shapeSchema } from '@eprouvette/shared';
import { benchSceneSchema, benchSceneToShapes, generateBenchScene } from './scene.ts';

describe('generateBenchScene', () => {
  it('has the proportions of the issue and stays inside the 10,000 × 6,000 world', () => {
    const scene = generateBenchScene(5000);
    expect(scene.shapes.length + scene.arrows.length).toBe(5000);
    const count = (kind: string) => scene.shapes.filter((shape) => shape.kind === kind).length / 5000;
    expect(count('note')).toBeCloseTo(0.25, 1);
    expect(count('rect')).toBeCloseTo(0.25, 1);
    expect(count('ellipse') + count('diamond')).toBeCloseTo(0.2, 1);
    expect(count('draw')).toBeCloseTo(0.15, 1);
    expect(scene.arrows.length / 5000).toBeCloseTo(0.15, 2);
    for (const shape of scene.shapes) {
      expect(shape.x).toBeGreaterThanOrEqual(0);
      expect(shape.x + shape.w).toBeLessThanOrEqual(10_000);
      expect(shape.y + shape.h).toBeLessThanOrEqual(6_000);
    }
    for (const shape of scene.shapes.filter((s) => s.kind === 'draw')) {
      expect(shape.points!.length).toBeGreaterThanOrEqual(20);
      expect(shape.points!.length).toBeLessThanOrEqual(50);
    }
    expect(benchSceneSchema.safeParse(scene).success).toBe(true);
  });

  it('is the same scene every time', () => {
    expect(generateBenchScene(300)).toEqual(generateBenchScene(300));
  });

  it('becomes valid board shapes, arrows glued to their two shapes', () => {
    const shapes = benchSceneToShapes(generateBenchScene(1000));
    expect(shapes).toHaveLength(1000);
    expect(new Set(shapes.map((shape) => shape.id)).size).toBe(1000);
    for (const shape of shapes) expect(shapeSchema.safeParse(shape).success).toBe(true);
    const ids = new Set(shapes.map((shape) => shape.id));
    for (const arrow of shapes.filter((shape) => shape.type === 'connector')) {
      if (arrow.type !== 'connector' || arrow.start.kind !== 'shape' || arrow.end.kind !== 'shape') throw new Error('unglued arrow');
      expect(ids.has(arrow.start.shapeId) && ids.has(arrow.end.shapeId)).toBe(true);
    }
  });
});
