import { describe, expect, it } from 'vitest';
import { Editor, type EditorIntent } from '../engine/editor.ts';
import type { Shape } from '../engine/shape-model.ts';
import type { KeyInput } from '../engine/shortcuts.ts';
import { MemoryBoard } from '../engine/testing/memory-board.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { connectSelectionTo, handleKeyboardAction, openTextEditing, placeAtViewCentre } from './keyboard-commands.ts';

function setUp(shapes: readonly Shape[] = []) {
  const board = new MemoryBoard(shapes);
  let count = 0;
  const editor = new Editor({ source: board, commands: board, history: board.history, author: 'moi', newId: () => `new${++count}`, viewport: { width: 1000, height: 800 } });
  const intents: EditorIntent[] = [];
  editor.onIntent((intent) => intents.push(intent));
  return { board, editor, intents, context: { editor, source: board, commands: board } };
}

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: k, code: '', shift: false, alt: false, mod: false, inTextField: false, ...extra });
const selected = (editor: Editor) => [...editor.getState().selection];

describe('placeAtViewCentre', () => {
  it('places a note centred in the view, selects it and opens it for typing once', () => {
    const { board, editor, intents } = setUp();
    placeAtViewCentre(editor, 'sticky');
    expect(board.get('new1')).toMatchObject({ type: 'sticky', x: 400, y: 300, w: 200, h: 200, author: 'moi' });
    expect(selected(editor)).toEqual(['new1']);
    expect(intents).toEqual([{ kind: 'edit-text', id: 'new1' }]);
    expect(editor.getState().tool).toBe('select');
  });

  it('opens a rectangle for typing too, which a click alone does not', () => {
    const { board, editor, intents } = setUp();
    placeAtViewCentre(editor, 'rect');
    expect(board.get('new1')).toMatchObject({ type: 'rect', x: 420, y: 350, w: 160, h: 100 });
    expect(intents).toEqual([{ kind: 'edit-text', id: 'new1' }]);
  });

  it('puts the shape in the frame it lands in', () => {
    const { board, editor } = setUp([makeShape('frame', { id: 'cadre', x: 0, y: 0, w: 1000, h: 800 })]);
    placeAtViewCentre(editor, 'sticky');
    expect(board.get('new1')?.parent).toBe('cadre');
  });
});

describe('openTextEditing', () => {
  it('selects the shape and asks for its editor, whatever the tool', () => {
    const { editor, intents } = setUp([makeShape('sticky', { id: 'note' })]);
    editor.setTool('pen');
    openTextEditing(editor, 'note');
    expect(selected(editor)).toEqual(['note']);
    expect(intents).toEqual([{ kind: 'edit-text', id: 'note' }]);
  });

  it('leaves a locked shape shut', () => {
    const { editor, intents } = setUp([makeShape('sticky', { id: 'note', locked: true })]);
    openTextEditing(editor, 'note');
    expect(intents).toEqual([]);
  });
});

describe('handleKeyboardAction', () => {
  it('places the chosen tool’s shape on Enter', () => {
    const { board, editor, context } = setUp();
    editor.keyDown(key('n'));
    expect(handleKeyboardAction(context, key('Enter'))).toBe(true);
    expect(board.get('new1')?.type).toBe('sticky');
  });

  it('leaves Enter to the editor with the select tool', () => {
    const { context } = setUp();
    expect(handleKeyboardAction(context, key('Enter'))).toBe(false);
  });

  it('resizes the selection with Alt+Shift+arrows, as one update per key', () => {
    const { board, editor, context } = setUp([makeShape('rect', { id: 'r', w: 100, h: 100 })]);
    editor.select(['r']);
    expect(handleKeyboardAction(context, key('ArrowRight', { alt: true, shift: true }))).toBe(true);
    expect(handleKeyboardAction(context, key('ArrowDown', { alt: true, shift: true }))).toBe(true);
    expect(board.get('r')).toMatchObject({ x: 0, y: 0, w: 110, h: 110 });
    expect(board.callsOf('update')).toHaveLength(2);
  });

  it('lets Alt+Shift+arrows move the focus when nothing is selected, and ignores keys typed in a field', () => {
    const { editor, context } = setUp([makeShape('rect', { id: 'r' })]);
    expect(handleKeyboardAction(context, key('ArrowRight', { alt: true, shift: true }))).toBe(false);
    editor.setTool('sticky');
    expect(handleKeyboardAction(context, key('Enter', { inTextField: true }))).toBe(false);
  });
});

describe('connectSelectionTo', () => {
  const shapes = [makeShape('sticky', { id: 'source', x: 0, y: 0 }), makeShape('rect', { id: 'cible', x: 400, y: 0 }), makeShape('connector', { id: 'fleche', y: 500 })];

  it('draws a glued arrow from the selected shape, which stays selected', () => {
    const { board, editor, context } = setUp(shapes);
    editor.select(['source']);
    expect(connectSelectionTo({ ...context, author: 'moi' }, 'cible', () => 'arrow')).toBe('arrow');
    expect(board.get('arrow')).toMatchObject({
      type: 'connector',
      author: 'moi',
      start: { kind: 'shape', shapeId: 'source', ax: 1, ay: 0.5 },
      end: { kind: 'shape', shapeId: 'cible', ax: 0, ay: 0.5 },
    });
    expect(selected(editor)).toEqual(['source']);
  });

  it('draws nothing without exactly one shape selected, or to an arrow or itself', () => {
    const { board, editor, context } = setUp(shapes);
    const connect = (target: string) => connectSelectionTo({ ...context, author: 'moi' }, target, () => 'arrow');
    expect(connect('cible')).toBeNull();
    editor.select(['source', 'cible']);
    expect(connect('cible')).toBeNull();
    editor.select(['source']);
    expect(connect('fleche')).toBeNull();
    expect(connect('source')).toBeNull();
    expect(connect('disparu')).toBeNull();
    expect(board.callsOf('add')).toEqual([]);
  });
});
