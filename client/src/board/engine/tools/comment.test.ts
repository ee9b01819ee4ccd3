import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createCommentTool } from './comment.ts';

describe('comment tool', () => {
  const note = makeShape('sticky', { id: 'note', x: 100, y: 100, w: 200, h: 200, locked: true });

  it('asks for a composer on the item clicked, writing nothing, then gives the selection tool back', () => {
    const harness = new ToolHarness([note]);
    harness.click(createCommentTool(harness.context), 150, 120);
    expect(harness.intents).toEqual([{ kind: 'comment', shapeId: 'note', point: { x: 150, y: 120 } }]);
    expect(harness.toolChanges).toEqual(['select']);
    expect(harness.board.calls).toEqual([]);
  });

  it('asks for one on the canvas where nothing is under the pointer', () => {
    const harness = new ToolHarness([note]);
    harness.click(createCommentTool(harness.context), -40, 500);
    expect(harness.intents).toEqual([{ kind: 'comment', shapeId: null, point: { x: -40, y: 500 } }]);
  });

  it('asks for nothing when cancelled or for another button', () => {
    const harness = new ToolHarness([note]);
    const tool = createCommentTool(harness.context);
    tool.onPointerDown(harness.pointer(150, 150));
    expect(tool.onCancel()).toBe(true);
    tool.onPointerUp(harness.pointer(150, 150));
    harness.click(tool, 150, 150, { button: 2 });
    expect(harness.intents).toEqual([]);
  });
});
