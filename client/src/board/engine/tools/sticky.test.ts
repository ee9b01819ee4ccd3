import { describe, expect, it } from 'vitest';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createStickyTool } from './sticky.ts';

describe('sticky tool', () => {
  it('places a 200×200 note centred on a click and opens it for typing', () => {
    const harness = new ToolHarness();
    const tool = createStickyTool(harness.context);
    harness.click(tool, 300, 300);
    expect(harness.board.get('new1')).toMatchObject({ type: 'sticky', x: 200, y: 200, w: 200, h: 200, color: 'jaune', author: 'moi' });
    expect(harness.selected()).toEqual(['new1']);
    expect(harness.intents).toEqual([{ kind: 'edit-text', id: 'new1' }]);
    expect(harness.toolChanges).toEqual(['select']);
  });

  it('uses the colour picked last', () => {
    const harness = new ToolHarness();
    harness.stickyColor = 'bleu';
    harness.click(createStickyTool(harness.context), 0, 0);
    expect(harness.board.get('new1')).toMatchObject({ type: 'sticky', color: 'bleu' });
  });

  it('places nothing when cancelled or for another button', () => {
    const harness = new ToolHarness();
    const tool = createStickyTool(harness.context);
    tool.onPointerDown(harness.pointer(0, 0));
    expect(tool.onCancel()).toBe(true);
    tool.onPointerUp(harness.pointer(0, 0));
    harness.click(tool, 0, 0, { button: 2 });
    expect(harness.board.all()).toEqual([]);
    expect(tool.onCancel()).toBe(false);
  });
});
