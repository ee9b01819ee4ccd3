import { describe, expect, it } from 'vitest';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createTextTool, DEFAULT_FONT_SIZE, TEXT_BOX_WIDTH } from './text.ts';

describe('text tool', () => {
  it('opens an empty text box at the click, its first line centred on it', () => {
    const harness = new ToolHarness();
    const tool = createTextTool(harness.context);
    harness.click(tool, 100, 100);
    const text = harness.board.get('new1');
    expect(text).toMatchObject({ type: 'text', x: 100, w: TEXT_BOX_WIDTH, fontSize: DEFAULT_FONT_SIZE, text: '' });
    expect((text?.y ?? 0) + (text?.h ?? 0) / 2).toBe(100);
    expect(harness.intents).toEqual([{ kind: 'edit-text', id: 'new1' }]);
  });

  it('does nothing once cancelled', () => {
    const harness = new ToolHarness();
    const tool = createTextTool(harness.context);
    tool.onPointerDown(harness.pointer(0, 0));
    expect(tool.onCancel()).toBe(true);
    tool.onPointerUp(harness.pointer(0, 0));
    expect(harness.board.all()).toEqual([]);
  });
});
