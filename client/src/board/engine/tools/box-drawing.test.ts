import { describe, expect, it } from 'vitest';
import type { NewShape } from '../board-document.ts';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createBoxDrawingTool } from './box-drawing.ts';
import { newShapeBase } from './new-shape.ts';

function setUp() {
  const harness = new ToolHarness();
  const committed: NewShape[] = [];
  const tool = createBoxDrawingTool(harness.context, 'rect', {
    clickSize: { w: 100, h: 60 },
    build: (id, box) => ({ ...newShapeBase(harness.context, id, box), type: 'rect', fill: 'aucun', stroke: 'noir', text: '' }),
    commit: (shape) => committed.push(shape),
  });
  return { harness, committed, tool };
}

describe('box drawing', () => {
  it('draws the dragged box with a live ghost, keeping one id through the gesture', () => {
    const { harness, committed, tool } = setUp();
    harness.drag(tool, { x: 100, y: 100 }, { x: 40, y: 200 });
    expect(committed).toHaveLength(1);
    expect(committed[0]).toMatchObject({ id: 'new1', x: 40, y: 100, w: 60, h: 100 });
    expect(harness.previews[0]).toMatchObject({ kind: 'create', shape: { id: 'new1', x: 70, y: 100, w: 30, h: 50 } });
    expect(harness.preview).toBeNull();
  });

  it('draws a square with shift', () => {
    const { harness, committed, tool } = setUp();
    harness.drag(tool, { x: 0, y: 0 }, { x: 50, y: 20 }, { shift: true });
    expect(committed[0]).toMatchObject({ x: 0, y: 0, w: 50, h: 50 });
  });

  it('places the default size, centred, on a click', () => {
    const { harness, committed, tool } = setUp();
    harness.click(tool, 500, 500);
    expect(committed[0]).toMatchObject({ x: 450, y: 470, w: 100, h: 60 });
    expect(harness.previews).toEqual([]);
  });

  it('never draws a sliver', () => {
    const { harness, committed, tool } = setUp();
    harness.drag(tool, { x: 100, y: 100 }, { x: 50, y: 102 });
    expect(committed[0]).toMatchObject({ x: 50, y: 100, w: 50, h: 8 });
    harness.drag(tool, { x: 100, y: 100 }, { x: 98, y: 50 });
    expect(committed[1]).toMatchObject({ x: 92, y: 50, w: 8, h: 50 });
  });

  it('drops the gesture on Esc', () => {
    const { harness, committed, tool } = setUp();
    tool.onPointerDown(harness.pointer(0, 0));
    tool.onPointerMove(harness.pointer(50, 50));
    expect(tool.onCancel()).toBe(true);
    tool.onPointerUp(harness.pointer(50, 50));
    expect(committed).toEqual([]);
    expect(harness.preview).toBeNull();
    expect(tool.onCancel()).toBe(false);
  });
});
