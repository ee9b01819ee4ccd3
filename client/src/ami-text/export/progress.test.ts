import { describe, expect, it } from 'vitest';
import { layOutSections, progressPercent, type ExportProgress } from './progress.ts';

describe('layOutSections', () => {
  it('reports each section laid out, then the finishing step, and keeps the order', async () => {
    const reported: ExportProgress[] = [];
    const output = await layOutSections(['a', 'b', 'c'], (section) => [section, section.toUpperCase()], (progress) => reported.push(progress));
    expect(output).toEqual(['a', 'A', 'b', 'B', 'c', 'C']);
    expect(reported).toEqual([
      { step: 'sections', done: 0, total: 3 },
      { step: 'sections', done: 1, total: 3 },
      { step: 'sections', done: 2, total: 3 },
      { step: 'sections', done: 3, total: 3 },
      { step: 'finishing' },
    ]);
  });
});

describe('progressPercent', () => {
  it('moves forward through the steps', () => {
    const steps: ExportProgress[] = [
      { step: 'loading' },
      { step: 'sections', done: 0, total: 13 },
      { step: 'sections', done: 3, total: 13 },
      { step: 'sections', done: 13, total: 13 },
      { step: 'finishing' },
    ];
    const percents = steps.map(progressPercent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents[2]).toBe(28);
    expect(progressPercent({ step: 'sections', done: 0, total: 0 })).toBe(90);
  });
});
