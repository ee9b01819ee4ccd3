import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createFrameTool, DEFAULT_FRAME_SIZE } from './frame.ts';

describe('frame tool', () => {
  it('takes in the shapes centred inside and lifts them above itself, in one transaction', () => {
    const harness = new ToolHarness([
      makeShape('sticky', { id: 'in', x: 100, y: 100, w: 100, h: 100, z: 'a0' }),
      makeShape('sticky', { id: 'half', x: 420, y: 100, w: 200, h: 100, z: 'a1' }),
      makeShape('connector', { id: 'c', x: 100, y: 300, w: 10, h: 10, z: 'a2' }),
      makeShape('sticky', { id: 'out', x: 900, y: 100, w: 100, h: 100, z: 'a3' }),
    ]);
    let transactions = 0;
    harness.board.subscribe(() => transactions++);
    harness.drag(createFrameTool(harness.context), { x: 0, y: 0 }, { x: 500, y: 500 });
    expect(transactions).toBe(1);
    expect(harness.board.get('new1')).toMatchObject({ type: 'frame', x: 0, y: 0, w: 500, h: 500, parent: null, title: '' });
    expect(harness.board.get('in')?.parent).toBe('new1');
    expect(harness.board.get('half')?.parent).toBeNull();
    expect(harness.board.get('c')?.parent).toBeNull();
    expect(harness.board.get('out')?.parent).toBeNull();
    expect(harness.board.all().map((s) => s.id)).toEqual(['half', 'c', 'out', 'new1', 'in']);
    expect(harness.selected()).toEqual(['new1']);
  });

  it('lifts a taken-in frame together with its own content, in order', () => {
    const harness = new ToolHarness([
      makeShape('frame', { id: 'inner', x: 100, y: 100, w: 200, h: 200, z: 'a0' }),
      makeShape('sticky', { id: 'note', x: 150, y: 150, w: 50, h: 50, z: 'a1', parent: 'inner' }),
      makeShape('sticky', { id: 'other', x: 2000, y: 0, w: 50, h: 50, z: 'a2' }),
    ]);
    harness.drag(createFrameTool(harness.context), { x: 0, y: 0 }, { x: 500, y: 500 });
    expect(harness.board.get('inner')?.parent).toBe('new1');
    expect(harness.board.get('note')?.parent).toBe('inner');
    expect(harness.board.all().map((s) => s.id)).toEqual(['other', 'new1', 'inner', 'note']);
  });

  it('places a 16:9 frame on a click, nested in a larger frame around it', () => {
    const harness = new ToolHarness([makeShape('frame', { id: 'outer', x: -5000, y: -5000, w: 10000, h: 10000 })]);
    harness.click(createFrameTool(harness.context), 0, 0);
    expect(harness.board.get('new1')).toMatchObject({ ...DEFAULT_FRAME_SIZE, parent: 'outer' });
  });
});
