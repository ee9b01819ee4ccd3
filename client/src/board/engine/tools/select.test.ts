import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { ToolHarness } from '../testing/tool-harness.ts';
import { createSelectTool, isTextEditable } from './select.ts';

function setUp() {
  const harness = new ToolHarness([
    makeShape('frame', { id: 'frame', x: 1000, y: 0, w: 500, h: 500, z: 'a0' }),
    makeShape('sticky', { id: 'a', x: 0, y: 0, w: 100, h: 100, z: 'a1' }),
    makeShape('sticky', { id: 'b', x: 200, y: 0, w: 100, h: 100, z: 'a2' }),
    makeShape('sticky', { id: 'child', x: 1100, y: 100, w: 100, h: 100, z: 'a3', parent: 'frame' }),
    makeShape('sticky', { id: 'locked', x: 1300, y: 100, w: 100, h: 100, z: 'a4', parent: 'frame', locked: true }),
    makeShape('image', { id: 'picture', x: 0, y: 300, w: 100, h: 100, z: 'a5' }),
  ]);
  return { harness, tool: createSelectTool(harness.context) };
}

const key = (k: string) => ({ key: k, code: '', shift: false, alt: false, mod: false, inTextField: false });

describe('select tool: clicks', () => {
  it('selects the clicked shape and clears on the canvas', () => {
    const { harness, tool } = setUp();
    harness.click(tool, 50, 50);
    expect(harness.selected()).toEqual(['a']);
    harness.click(tool, 250, 50);
    expect(harness.selected()).toEqual(['b']);
    harness.click(tool, 600, 600);
    expect(harness.selected()).toEqual([]);
  });

  it('toggles with shift-click and keeps the selection on a shift-click on the canvas', () => {
    const { harness, tool } = setUp();
    const shift = { modifiers: { shift: true, alt: false, mod: false } };
    harness.click(tool, 50, 50, shift);
    harness.click(tool, 250, 50, shift);
    expect(harness.selected()).toEqual(['a', 'b']);
    harness.click(tool, 600, 600, shift);
    expect(harness.selected()).toEqual(['a', 'b']);
    harness.click(tool, 50, 50, shift);
    expect(harness.selected()).toEqual(['b']);
  });

  it('narrows a multiple selection to the shape clicked without dragging', () => {
    const { harness, tool } = setUp();
    harness.selection = new Set(['a', 'b']);
    harness.click(tool, 50, 50);
    expect(harness.selected()).toEqual(['a']);
  });

  it('clicks through the empty inside of a frame', () => {
    const { harness, tool } = setUp();
    harness.click(tool, 1250, 400);
    expect(harness.selected()).toEqual([]);
    harness.click(tool, 1250, 10);
    expect(harness.selected()).toEqual(['frame']);
  });

  it('asks to edit text on a double-click or Enter, not for shapes without text', () => {
    const { harness, tool } = setUp();
    harness.click(tool, 50, 50);
    harness.click(tool, 50, 50, { clickCount: 2 });
    expect(harness.intents).toEqual([{ kind: 'edit-text', id: 'a' }]);
    expect(tool.onKeyDown(key('Enter'))).toBe(true);
    expect(harness.intents).toHaveLength(2);
    harness.click(tool, 50, 350);
    harness.click(tool, 50, 350, { clickCount: 2 });
    expect(tool.onKeyDown(key('Enter'))).toBe(false);
    expect(tool.onKeyDown(key('x'))).toBe(false);
    expect(harness.intents).toHaveLength(2);
    expect(isTextEditable(makeShape('frame', { id: 'f' }))).toBe(true);
  });
});

describe('select tool: moving', () => {
  it('shows a live offset and writes exactly one move on release', () => {
    const { harness, tool } = setUp();
    tool.onPointerDown(harness.pointer(50, 50));
    for (let x = 51; x <= 150; x++) tool.onPointerMove(harness.pointer(x, 60));
    expect(harness.preview).toEqual({ kind: 'move', ids: ['a'], dx: 100, dy: 10 });
    expect(harness.board.calls).toEqual([]);
    tool.onPointerUp(harness.pointer(150, 60));
    expect(harness.board.calls).toEqual([{ command: 'move', ids: ['a'], dx: 100, dy: 10 }]);
    expect(harness.board.get('a')).toMatchObject({ x: 100, y: 10 });
    expect(harness.preview).toBeNull();
  });

  it('moves every selected shape together', () => {
    const { harness, tool } = setUp();
    harness.selection = new Set(['a', 'b']);
    harness.drag(tool, { x: 250, y: 50 }, { x: 250, y: 150 });
    expect(harness.board.callsOf('move')).toEqual([{ command: 'move', ids: ['a', 'b'], dx: 0, dy: 100 }]);
    expect(harness.selected()).toEqual(['a', 'b']);
  });

  it('carries the content of a dragged frame, locked shapes included', () => {
    const { harness, tool } = setUp();
    harness.drag(tool, { x: 1250, y: 10 }, { x: 1250, y: 110 });
    expect(harness.board.callsOf('move')).toEqual([{ command: 'move', ids: ['frame', 'child', 'locked'], dx: 0, dy: 100 }]);
  });

  it('drops a shape into a frame in the same transaction as the move', () => {
    const { harness, tool } = setUp();
    let transactions = 0;
    harness.board.subscribe(() => transactions++);
    harness.drag(tool, { x: 250, y: 50 }, { x: 1250, y: 250 });
    expect(transactions).toBe(1);
    expect(harness.board.get('b')).toMatchObject({ x: 1200, y: 200, parent: 'frame' });
  });

  it('writes nothing when the drag is cancelled or comes back to its start', () => {
    const { harness, tool } = setUp();
    tool.onPointerDown(harness.pointer(50, 50));
    tool.onPointerMove(harness.pointer(150, 50));
    expect(tool.onCancel()).toBe(true);
    tool.onPointerUp(harness.pointer(150, 50));
    harness.drag(tool, { x: 50, y: 50 }, { x: 50, y: 50 });
    tool.onPointerDown(harness.pointer(50, 50));
    tool.onPointerMove(harness.pointer(150, 50));
    tool.onPointerUp(harness.pointer(50, 50));
    expect(harness.board.calls).toEqual([]);
    expect(harness.preview).toBeNull();
    expect(tool.onCancel()).toBe(false);
  });
});

describe('select tool: marquee', () => {
  it('selects the shapes wholly inside, live, and clears the rectangle on release', () => {
    const { harness, tool } = setUp();
    tool.onPointerDown(harness.pointer(-10, -10));
    tool.onPointerMove(harness.pointer(150, 150));
    expect(harness.selected()).toEqual(['a']);
    expect(harness.preview).toEqual({ kind: 'marquee', rect: { x: -10, y: -10, w: 160, h: 160 } });
    tool.onPointerMove(harness.pointer(350, 150));
    expect(harness.selected()).toEqual(['a', 'b']);
    tool.onPointerUp(harness.pointer(350, 150));
    expect(harness.preview).toBeNull();
    expect(harness.board.calls).toEqual([]);
  });

  it('starts inside a frame, skipping locked shapes', () => {
    const { harness, tool } = setUp();
    harness.drag(tool, { x: 1050, y: 50 }, { x: 1450, y: 450 });
    expect(harness.selected()).toEqual(['child']);
  });

  it('adds to the selection with shift and takes touched shapes with Alt', () => {
    const { harness, tool } = setUp();
    harness.selection = new Set(['picture']);
    harness.drag(tool, { x: -10, y: -10 }, { x: 150, y: 150 }, { shift: true });
    expect(harness.selected()).toEqual(['a', 'picture']);
    harness.selection = new Set();
    harness.drag(tool, { x: 150, y: 50 }, { x: 250, y: 60 }, { alt: true });
    expect(harness.selected()).toEqual(['b']);
  });

  it('restores the previous selection on Esc', () => {
    const { harness, tool } = setUp();
    harness.selection = new Set(['picture']);
    tool.onPointerDown(harness.pointer(-10, -10));
    tool.onPointerMove(harness.pointer(150, 150));
    expect(tool.onCancel()).toBe(true);
    expect(harness.selected()).toEqual(['picture']);
    expect(harness.preview).toBeNull();
  });
});

describe('select tool: resizing', () => {
  it('resizes from a handle with a live preview and one update on release', () => {
    const { harness, tool } = setUp();
    harness.selection = new Set(['a']);
    tool.onPointerDown(harness.pointer(100, 100));
    tool.onPointerMove(harness.pointer(150, 120));
    expect(harness.preview).toEqual({ kind: 'resize', patches: [{ id: 'a', changes: { x: 0, y: 0, w: 150, h: 120 } }] });
    const shift = { modifiers: { shift: true, alt: false, mod: false } };
    tool.onPointerMove(harness.pointer(200, 300, shift));
    tool.onPointerUp(harness.pointer(200, 300, shift));
    expect(harness.board.calls).toEqual([{ command: 'update', patches: [{ id: 'a', changes: { x: 0, y: 0, w: 300, h: 300 } }] }]);
    expect(harness.preview).toBeNull();
  });

  it('does not resize locked shapes', () => {
    const { harness, tool } = setUp();
    harness.selection = new Set(['locked']);
    harness.drag(tool, { x: 1400, y: 200 }, { x: 1500, y: 300 });
    expect(harness.board.callsOf('update')).toEqual([]);
  });

  it('abandons a resize on Esc', () => {
    const { harness, tool } = setUp();
    harness.selection = new Set(['a']);
    tool.onPointerDown(harness.pointer(100, 50));
    tool.onPointerMove(harness.pointer(300, 50));
    expect(tool.onCancel()).toBe(true);
    tool.onPointerUp(harness.pointer(300, 50));
    expect(harness.board.calls).toEqual([]);
  });
});
