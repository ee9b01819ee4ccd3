import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createArrowTool } from './arrow.ts';

function setUp() {
  const harness = new ToolHarness([
    makeShape('rect', { id: 'a', x: 0, y: 0, w: 100, h: 100 }),
    makeShape('rect', { id: 'b', x: 300, y: 0, w: 100, h: 100 }),
  ]);
  return { harness, tool: createArrowTool(harness.context) };
}

describe('arrow tool', () => {
  it('glues both ends to the nearest anchors of the shapes it joins', () => {
    const { harness, tool } = setUp();
    harness.drag(tool, { x: 90, y: 50 }, { x: 310, y: 40 });
    expect(harness.board.get('new1')).toMatchObject({
      type: 'connector',
      start: { kind: 'shape', shapeId: 'a', ax: 1, ay: 0.5 },
      end: { kind: 'shape', shapeId: 'b', ax: 0, ay: 0.5 },
      x: 100,
      y: 50,
      w: 200,
      h: 0,
      arrowEnd: true,
      parent: null,
    });
    expect(harness.selected()).toEqual(['new1']);
    expect(harness.toolChanges).toEqual(['select']);
  });

  it('leaves ends over empty space free, and a drag back onto the start shape free too', () => {
    const { harness, tool } = setUp();
    harness.drag(tool, { x: 150, y: 300 }, { x: 50, y: 90 });
    expect(harness.board.get('new1')).toMatchObject({
      start: { kind: 'point', x: 150, y: 300 },
      end: { kind: 'shape', shapeId: 'a', ax: 0.5, ay: 1 },
    });
    harness.drag(tool, { x: 50, y: 50 }, { x: 60, y: 60 });
    expect(harness.board.get('new2')).toMatchObject({ end: { kind: 'point', x: 60, y: 60 } });
  });

  it('shows the arrow while dragging, and draws nothing on a click or Esc', () => {
    const { harness, tool } = setUp();
    tool.onPointerDown(harness.pointer(500, 500));
    tool.onPointerMove(harness.pointer(600, 500));
    expect(harness.preview).toMatchObject({ kind: 'create', shape: { type: 'connector', end: { kind: 'point', x: 600, y: 500 } } });
    expect(tool.onCancel()).toBe(true);
    tool.onPointerUp(harness.pointer(600, 500));
    harness.click(tool, 500, 500);
    expect(harness.board.all().map((s) => s.id)).toEqual(['a', 'b']);
    expect(harness.preview).toBeNull();
  });
});
