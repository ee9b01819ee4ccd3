import { describe, expect, it } from 'vitest';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createShapeTool, DEFAULT_SHAPE_SIZE } from './shape.ts';

describe('shape tool', () => {
  it.each(['rect', 'ellipse', 'diamond'] as const)('draws a %s by dragging, selects it and returns to select', (type) => {
    const harness = new ToolHarness();
    const tool = createShapeTool(harness.context, type);
    expect(tool.id).toBe(type);
    harness.drag(tool, { x: 0, y: 0 }, { x: 120, y: 80 });
    expect(harness.board.get('new1')).toMatchObject({ type, x: 0, y: 0, w: 120, h: 80, fill: 'aucun', stroke: 'noir', text: '' });
    expect(harness.selected()).toEqual(['new1']);
    expect(harness.toolChanges).toEqual(['select']);
    expect(harness.intents).toEqual([]);
  });

  it('places the default size on a click', () => {
    const harness = new ToolHarness();
    harness.click(createShapeTool(harness.context, 'rect'), 0, 0);
    expect(harness.board.get('new1')).toMatchObject(DEFAULT_SHAPE_SIZE);
  });
});
