import { describe, expect, it, vi } from 'vitest';
import { Editor, type EditorIntent, type EditorPointerInput } from './editor.ts';
import type { KeyInput } from './shortcuts.ts';
import type { Shape } from './shape-model.ts';
import { MemoryBoard } from './testing/memory-board.ts';
import { makeShape } from './testing/shapes.ts';
import type { Modifiers } from './tools/tool.ts';
import { withoutZ } from './transform.ts';

const NONE: Modifiers = { shift: false, alt: false, mod: false };

function setUp(shapes: readonly Shape[] = []) {
  const board = new MemoryBoard(shapes);
  let count = 0;
  const editor = new Editor({
    source: board,
    commands: board,
    history: board.history,
    author: 'moi',
    newId: () => `new${++count}`,
    viewport: { width: 1000, height: 800 },
  });
  const intents: EditorIntent[] = [];
  editor.onIntent((intent) => intents.push(intent));
  return { board, editor, intents };
}

const at = (x: number, y: number, extra: Partial<EditorPointerInput> = {}): EditorPointerInput => ({ screen: { x, y }, button: 0, modifiers: NONE, ...extra });

function drag(editor: Editor, from: [number, number], to: [number, number], extra: Partial<EditorPointerInput> = {}): void {
  editor.pointerDown(at(...from, extra));
  editor.pointerMove(at((from[0] + to[0]) / 2, (from[1] + to[1]) / 2, extra));
  editor.pointerMove(at(...to, extra));
  editor.pointerUp(at(...to, extra));
}

function click(editor: Editor, x: number, y: number, extra: Partial<EditorPointerInput> = {}): void {
  editor.pointerDown(at(x, y, extra));
  editor.pointerUp(at(x, y, extra));
}

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: k, code: '', shift: false, alt: false, mod: false, inTextField: false, ...extra });
const selected = (editor: Editor) => [...editor.getState().selection].sort();

describe('Editor: draw, select, drag, undo', () => {
  it('draws a rectangle, selects it, drags it with exactly one move, and undoes the drag', () => {
    const { board, editor } = setUp();
    expect(editor.keyDown(key('r'))).toBe(true);
    expect(editor.getState().tool).toBe('rect');
    drag(editor, [100, 100], [300, 200]);
    expect(board.get('new1')).toMatchObject({ type: 'rect', x: 100, y: 100, w: 200, h: 100, author: 'moi' });
    expect(editor.getState().tool).toBe('select');

    click(editor, 600, 600);
    expect(selected(editor)).toEqual([]);
    click(editor, 200, 150);
    expect(selected(editor)).toEqual(['new1']);

    editor.pointerDown(at(200, 150));
    for (let x = 201; x <= 260; x++) editor.pointerMove(at(x, 150));
    expect(editor.getState().preview).toEqual({ kind: 'move', ids: ['new1'], dx: 60, dy: 0 });
    expect(editor.visibleShapes().find((s) => s.id === 'new1')?.x).toBe(160);
    expect(board.callsOf('move')).toEqual([]);
    editor.pointerUp(at(260, 150));
    expect(board.callsOf('move')).toEqual([{ command: 'move', ids: ['new1'], dx: 60, dy: 0 }]);
    expect(board.get('new1')?.x).toBe(160);
    expect(editor.getState().preview).toBeNull();
    expect(editor.getState().canUndo).toBe(true);

    editor.keyDown(key('z', { mod: true }));
    expect(board.get('new1')?.x).toBe(100);
    expect(editor.getState().canRedo).toBe(true);
    editor.keyDown(key('z', { mod: true, shift: true }));
    expect(board.get('new1')?.x).toBe(160);
    editor.keyDown(key('z', { mod: true }));
    editor.keyDown(key('z', { mod: true }));
    expect(board.get('new1')).toBeUndefined();
    expect(selected(editor)).toEqual([]);
    editor.keyDown(key('y', { mod: true }));
    expect(board.get('new1')).toBeDefined();
  });

  it('asks the app to edit text on a double-click', () => {
    const { editor, intents } = setUp([makeShape('sticky', { id: 's', x: 0, y: 0 })]);
    click(editor, 50, 50);
    click(editor, 50, 50, { clickCount: 2 });
    expect(intents).toEqual([{ kind: 'edit-text', id: 's' }]);
  });
});

describe('Editor: camera', () => {
  it('pans with space+drag and the middle button without touching the document', () => {
    const { board, editor } = setUp([makeShape('rect', { id: 'r', x: 0, y: 0 })]);
    editor.keyDown(key(' '));
    expect(editor.getState().panning).toBe(true);
    drag(editor, [50, 50], [150, 100]);
    expect(editor.getState().camera).toEqual({ x: -100, y: -50, zoom: 1 });
    editor.keyUp(key(' '));
    expect(editor.getState().panning).toBe(false);
    drag(editor, [0, 0], [100, 0], { button: 1 });
    expect(editor.getState().camera.x).toBe(-200);
    expect(editor.getState().panning).toBe(false);
    editor.pointerDown(at(0, 0, { button: 1 }));
    expect(editor.getState().panning).toBe(true);
    editor.keyDown(key('Escape'));
    expect(editor.getState().panning).toBe(false);
    editor.pointerMove(at(50, 0));
    editor.pointerUp(at(50, 0));
    expect(editor.getState().camera.x).toBe(-200);
    expect(board.calls).toEqual([]);
    expect(editor.getState().tool).toBe('select');
  });

  it('zooms with Ctrl+wheel around the cursor, pans with the wheel, steps with + and −', () => {
    const { editor } = setUp();
    editor.wheel({ screen: { x: 0, y: 0 }, deltaX: 0, deltaY: -100, mod: true, shift: false });
    expect(editor.getState().camera.zoom).toBeCloseTo(Math.exp(0.2));
    expect(editor.getState().camera.x).toBe(0);
    editor.keyDown(key('-'));
    expect(editor.getState().camera.zoom).toBe(1);
    editor.keyDown(key('+'));
    expect(editor.getState().camera.zoom).toBe(1.25);
    editor.zoomOut();
    const before = editor.getState().camera;
    editor.wheel({ screen: { x: 0, y: 0 }, deltaX: 30, deltaY: 40, mod: false, shift: false });
    expect(editor.getState().camera).toEqual({ x: before.x + 30, y: before.y + 40, zoom: 1 });
    editor.zoomBy(2, { x: 0, y: 0 });
    expect(editor.getState().camera.zoom).toBe(2);
  });

  it('centres the view on a world point at the current zoom', () => {
    const { editor } = setUp();
    editor.setZoom(2);
    editor.centreOn({ x: 300, y: -100 });
    expect(editor.getState().camera).toEqual({ x: 50, y: -300, zoom: 2 });
  });

  it('zooms to fit everything, or the selection', () => {
    const { editor } = setUp([makeShape('rect', { id: 'a', x: 0, y: 0, w: 100, h: 100 }), makeShape('rect', { id: 'b', x: 3900, y: 0, w: 100, h: 100 })]);
    editor.keyDown(key('!', { code: 'Digit1', shift: true }));
    expect(editor.getState().camera.zoom).toBeCloseTo((1000 - 128) / 4000);
    editor.select(['b']);
    editor.keyDown(key('@', { code: 'Digit2', shift: true }));
    expect(editor.getState().camera).toEqual({ x: 3950 - 500, y: 50 - 400, zoom: 1 });
  });

  it('culls shapes outside the viewport but shows dragged ones at their live position', () => {
    const { editor } = setUp([makeShape('rect', { id: 'near', x: 0, y: 0, z: 'a0' }), makeShape('rect', { id: 'far', x: 5000, y: 0, z: 'a1' })]);
    expect(editor.visibleShapes().map((s) => s.id)).toEqual(['near']);
    expect(editor.visibleShapes()).toBe(editor.visibleShapes());
    editor.select(['near', 'far']);
    editor.pointerDown(at(50, 50));
    editor.pointerMove(at(60, 50));
    expect(editor.visibleShapes().map((s) => [s.id, s.x])).toEqual([
      ['near', 10],
      ['far', 5010],
    ]);
    expect(editor.displayedShape('far')?.x).toBe(5010);
    editor.keyDown(key('Escape'));
    expect(editor.getState().preview).toBeNull();
    expect(editor.visibleShapes().map((s) => s.id)).toEqual(['near']);
  });
});

describe('Editor: keyboard edits', () => {
  const shapes = () => [
    makeShape('frame', { id: 'f', x: 0, y: 0, w: 500, h: 500, z: 'a0' }),
    makeShape('sticky', { id: 'in', x: 100, y: 100, w: 100, h: 100, z: 'a1', parent: 'f' }),
    makeShape('sticky', { id: 'pinned', x: 300, y: 100, w: 100, h: 100, z: 'a2', parent: 'f', locked: true }),
    makeShape('sticky', { id: 'out', x: 700, y: 100, w: 100, h: 100, z: 'a3' }),
  ];

  it('deletes the unlocked selection, a frame taking its content, and undoes it', () => {
    const { board, editor } = setUp(shapes());
    editor.select(['f', 'pinned']);
    editor.keyDown(key('Delete'));
    expect(board.callsOf('remove')).toEqual([{ command: 'remove', ids: ['f'] }]);
    expect(board.all().map((s) => s.id)).toEqual(['out']);
    expect(selected(editor)).toEqual([]);
    editor.keyDown(key('z', { mod: true }));
    expect(board.all()).toHaveLength(4);
  });

  it('duplicates the selection with its frame contents and selects the copies', () => {
    const { board, editor } = setUp(shapes());
    editor.select(['f', 'out']);
    editor.keyDown(key('d', { mod: true }));
    expect(board.callsOf('add')).toHaveLength(1);
    expect(board.get('new1')).toMatchObject({ type: 'frame', x: 20, y: 20 });
    expect(board.get('new2')).toMatchObject({ x: 120, parent: 'new1' });
    expect(board.get('new3')).toMatchObject({ locked: true, parent: 'new1' });
    expect(selected(editor)).toEqual(['new1', 'new4']);
  });

  it('selects every unlocked shape with Ctrl+A and nudges with arrows', () => {
    const { board, editor } = setUp(shapes());
    editor.keyDown(key('a', { mod: true }));
    expect(selected(editor)).toEqual(['f', 'in', 'out']);
    editor.keyDown(key('ArrowRight', { shift: true }));
    // The locked note moves with its frame, as the document carries a frame's content.
    expect(board.callsOf('move')).toEqual([{ command: 'move', ids: ['f', 'in', 'pinned', 'out'], dx: 10, dy: 0 }]);
    editor.select(['out', 'pinned']);
    editor.keyDown(key('ArrowUp'));
    expect(board.get('out')).toMatchObject({ x: 710, y: 99 });
    expect(board.get('pinned')).toMatchObject({ x: 310, y: 100 });
  });

  it('leaves the clipboard to the app, then copies, cuts and pastes on request', () => {
    const { board, editor, intents } = setUp(shapes());
    editor.select(['f']);
    editor.keyDown(key('c', { mod: true }));
    editor.keyDown(key('x', { mod: true }));
    editor.keyDown(key('v', { mod: true }));
    expect(intents).toEqual([
      { kind: 'clipboard', action: 'copy' },
      { kind: 'clipboard', action: 'cut' },
      { kind: 'clipboard', action: 'paste' },
    ]);
    const copied = editor.copySelection();
    expect(copied.map((s) => s.id).sort()).toEqual(['f', 'in', 'pinned']);
    const cut = editor.cutSelection();
    expect(cut).toHaveLength(3);
    expect(board.get('f')).toBeUndefined();
    editor.paste(cut, { x: 2000, y: 2000 });
    expect(board.get('new1')).toMatchObject({ type: 'frame', x: 1750, y: 1750 });
    expect(selected(editor)).toEqual(['new1']);
  });

  it('locks and unlocks with Ctrl+L, reorders with brackets', () => {
    const { board, editor } = setUp(shapes());
    editor.select(['out', 'pinned']);
    editor.keyDown(key('l', { mod: true }));
    expect(board.get('out')?.locked).toBe(true);
    editor.keyDown(key('l', { mod: true }));
    expect(board.get('out')?.locked).toBe(false);
    expect(board.get('pinned')?.locked).toBe(false);
    editor.select(['in']);
    editor.keyDown(key(']'));
    expect(board.all().map((s) => s.id)).toEqual(['f', 'pinned', 'in', 'out']);
    editor.keyDown(key('['));
    expect(board.all().map((s) => s.id)).toEqual(['f', 'in', 'pinned', 'out']);
  });

  it('moves keyboard focus between shapes with Alt+arrows, bringing them into view', () => {
    const { editor } = setUp([...shapes(), makeShape('sticky', { id: 'far', x: 3000, y: 100 })]);
    editor.keyDown(key('ArrowRight', { alt: true }));
    expect(selected(editor)).toEqual(['f']);
    editor.select(['out']);
    editor.keyDown(key('ArrowRight', { alt: true }));
    expect(selected(editor)).toEqual(['far']);
    expect(editor.getState().camera.x).toBe(3050 - 500);
  });

  it('aligns and distributes, frames carrying their contents', () => {
    const { board, editor } = setUp(shapes());
    editor.select(['f', 'out']);
    editor.align('top');
    expect(board.get('out')?.y).toBe(0);
    editor.align('right');
    expect(board.get('f')?.x).toBe(300);
    expect(board.get('in')?.x).toBe(400);
    editor.select(['in', 'out', 'f']);
    editor.distribute('vertical');
    expect(board.callsOf('update')).toHaveLength(3);
  });

  it('peels Esc: gesture, then selection, then tool', () => {
    const { board, editor } = setUp(shapes());
    editor.select(['out']);
    editor.pointerDown(at(750, 150));
    editor.pointerMove(at(850, 150));
    editor.keyDown(key('Escape'));
    editor.pointerUp(at(850, 150));
    expect(board.calls).toEqual([]);
    expect(selected(editor)).toEqual(['out']);
    editor.keyDown(key('Escape'));
    expect(selected(editor)).toEqual([]);
    editor.keyDown(key('p'));
    editor.keyDown(key('Escape'));
    expect(editor.getState().tool).toBe('select');
  });

  it('comments with C: on the topmost selected shape at once, else with the comment tool where clicked', () => {
    const { board, editor, intents } = setUp(shapes());
    editor.select(['in', 'out']);
    expect(editor.keyDown(key('c'))).toBe(true);
    expect(intents).toEqual([{ kind: 'comment', shapeId: 'out', point: { x: 700, y: 100 } }]);
    editor.select([]);
    editor.keyDown(key('c'));
    expect(editor.getState().tool).toBe('comment');
    click(editor, 150, 150);
    expect(intents.at(-1)).toEqual({ kind: 'comment', shapeId: 'in', point: { x: 150, y: 150 } });
    expect(editor.getState().tool).toBe('select');
    expect(board.calls).toEqual([]);
    // Ctrl+C still copies.
    editor.keyDown(key('c', { mod: true }));
    expect(intents.at(-1)).toEqual({ kind: 'clipboard', action: 'copy' });
  });

  it('ignores keys typed in a text field', () => {
    const { board, editor } = setUp(shapes());
    editor.select(['out']);
    expect(editor.keyDown(key('Delete', { inTextField: true }))).toBe(false);
    expect(editor.keyDown(key(' ', { inTextField: true }))).toBe(false);
    expect(board.get('out')).toBeDefined();
    expect(editor.keyDown(key('q'))).toBe(false);
  });
});

describe('Editor: document changes', () => {
  it('drops shapes deleted by a peer from the selection and counts revisions', () => {
    const { board, editor } = setUp([makeShape('rect', { id: 'a' }), makeShape('rect', { id: 'b' })]);
    editor.select(['a', 'b', 'missing']);
    expect(selected(editor)).toEqual(['a', 'b']);
    const revision = editor.getState().revision;
    board.remove(['a']);
    expect(selected(editor)).toEqual(['b']);
    expect(editor.getState().revision).toBe(revision + 1);
  });

  it('removes a text box left empty when editing ends', () => {
    const { board, editor } = setUp([makeShape('text', { id: 'empty', text: '  ' }), makeShape('text', { id: 'full', text: 'Bonjour' })]);
    editor.finishTextEdit('empty');
    editor.finishTextEdit('full');
    expect(board.all().map((s) => s.id)).toEqual(['full']);
  });

  it('lists the shapes under a screen point, locked included', () => {
    const { editor } = setUp([makeShape('rect', { id: 'a' }), makeShape('rect', { id: 'locked', locked: true })]);
    expect(editor.shapesAtScreen({ x: 50, y: 50 }).map((s) => s.id)).toEqual(['locked', 'a']);
  });

  it('notifies subscribers until disposed', () => {
    const { board, editor } = setUp();
    let calls = 0;
    const unsubscribe = editor.subscribe(() => calls++);
    editor.setViewport({ width: 10, height: 10 });
    expect(calls).toBe(1);
    unsubscribe();
    editor.setTool('hand');
    expect(calls).toBe(1);
    editor.dispose();
    board.add([withoutZ(makeShape('rect', { id: 'x' }))]);
    expect(editor.getState().revision).toBe(0);
  });
});

describe('Editor: 20,000 shapes', () => {
  it('culls from the index and updates it from change sets, never reading the whole board again', () => {
    const shapes = Array.from({ length: 20_000 }, (_, i) =>
      makeShape('sticky', { id: `s${i}`, x: (i % 200) * 250, y: Math.floor(i / 200) * 250, w: 200, h: 200, z: `a${i}` }),
    );
    const { board, editor } = setUp(shapes);
    const readAll = vi.spyOn(board, 'all');
    // 1000×800 at 100 %, plus the margin: a 5×4 block of notes.
    expect(editor.visibleShapes()).toHaveLength(20);
    drag(editor, [100, 100], [400, 100]);
    expect(board.callsOf('move')).toEqual([{ command: 'move', ids: ['s0'], dx: 300, dy: 0 }]);
    board.move(['s19999'], -49_750, -24_750);
    editor.wheel({ screen: { x: 0, y: 0 }, deltaX: 100, deltaY: 0, mod: false, shift: false });
    expect(editor.visibleShapes().map((s) => s.id)).toContain('s19999');
    expect(readAll).not.toHaveBeenCalled();
  });
});
