import { ID_BYTES, idFromRandomBytes } from '@eprouvette/shared';
import type { BoardCommands, ShapeSource } from '../engine/board-document.ts';
import { viewportCenter } from '../engine/camera.ts';
import type { Editor, EditorPointerInput } from '../engine/editor.ts';
import type { Point } from '../engine/geometry/math.ts';
import type { Shape } from '../engine/shape-model.ts';
import type { KeyInput } from '../engine/shortcuts.ts';
import { connectorBetween, isPlaceableTool, resizeDelta, resizePatches, type PlaceableTool } from './keyboard-actions.ts';

/**
 * The keyboard flows carried out on the editor and the board. Each goes through the editor's own
 * tools and shortcuts wherever they exist, so a shape made by keyboard is the shape a click makes.
 */

export interface KeyboardContext {
  readonly editor: Editor;
  readonly source: ShapeSource;
  readonly commands: BoardCommands;
}

const ENTER: KeyInput = { key: 'Enter', code: 'Enter', shift: false, alt: false, mod: false, inTextField: false };

const randomId = () => idFromRandomBytes(crypto.getRandomValues(new Uint8Array(ID_BYTES)));

/** Selects the shape and opens it for typing, as Enter on the canvas does (a locked one stays shut). */
export function openTextEditing(editor: Editor, id: string): void {
  if (editor.getState().tool !== 'select') editor.setTool('select');
  editor.select([id]);
  editor.keyDown(ENTER);
}

/** Places a shape where a click at the view centre would, selects it and opens it for typing. */
export function placeAtViewCentre(editor: Editor, tool: PlaceableTool): void {
  const click: EditorPointerInput = { screen: viewportCenter(editor.getState().viewport), button: 0, modifiers: { shift: false, alt: false, mod: false } };
  let opened = false;
  const stopListening = editor.onIntent((intent) => {
    if (intent.kind === 'edit-text') opened = true;
  });
  try {
    editor.setTool(tool);
    editor.pointerDown(click);
    editor.pointerUp(click);
  } finally {
    stopListening();
  }
  // Notes and text open for typing by themselves; shapes and frames wait for Enter.
  const [placed] = editor.getState().selection;
  if (!opened && placed !== undefined) openTextEditing(editor, placed);
}

/** The only selected shape, if exactly one is. */
function soleSelectedShape(editor: Editor, source: ShapeSource): Shape | undefined {
  const { selection } = editor.getState();
  const [id] = selection;
  return selection.size === 1 && id !== undefined ? source.get(id) : undefined;
}

function resizeSelection({ editor, source, commands }: KeyboardContext, delta: Point): void {
  const shapes = [...editor.getState().selection].flatMap((id) => source.get(id) ?? []);
  const patches = resizePatches(shapes, delta);
  if (patches.length > 0) commands.update(patches);
}

/**
 * « Relier à… »: an arrow from the selected shape to `targetId`. The selection stays on the
 * origin, so several arrows can be drawn from it in a row. Returns the arrow's id, or null.
 */
export function connectSelectionTo(context: KeyboardContext & { readonly author: string }, targetId: string, newId: () => string = randomId): string | null {
  const from = soleSelectedShape(context.editor, context.source);
  const to = context.source.get(targetId);
  if (from === undefined || to === undefined || from.id === to.id || from.type === 'connector' || to.type === 'connector') return null;
  const connector = connectorBetween(from, to, newId(), context.author);
  context.commands.add([connector]);
  return connector.id;
}

/**
 * Keys the editor's own map leaves out, to be tried before `editor.keyDown`: Alt+Shift+arrows
 * resize the selection, Enter with a shape tool chosen places that shape at the view centre.
 * True when the key was used.
 */
export function handleKeyboardAction(context: KeyboardContext, input: KeyInput): boolean {
  if (input.inTextField) return false;
  const delta = resizeDelta(input);
  if (delta !== null) {
    if (context.editor.getState().selection.size === 0) return false;
    resizeSelection(context, delta);
    return true;
  }
  const { tool } = context.editor.getState();
  if (input.key !== 'Enter' || input.shift || input.alt || input.mod || !isPlaceableTool(tool)) return false;
  placeAtViewCentre(context.editor, tool);
  return true;
}
