/** Which toolbar actions apply, from the selection and the connection: pure, so that it is tested. */
import type { Shape } from '../engine/shape-model.ts';
import type { ToolId } from '../engine/tools/tool.ts';

/**
 * Tools that change nothing on the board, usable on a read-only board: commenting writes through
 * the server, so commenters, whose connection is read-only, comment too.
 */
export const READ_ONLY_TOOLS: ReadonlySet<ToolId> = new Set(['select', 'hand', 'comment']);

export interface ToolButton {
  readonly tool: ToolId;
  /** The key that picks the tool on the board; the diamond has none. */
  readonly shortcut: string | null;
}

export const TOOL_BUTTONS: readonly ToolButton[] = [
  { tool: 'select', shortcut: 'V' },
  { tool: 'hand', shortcut: 'H' },
  { tool: 'sticky', shortcut: 'N' },
  { tool: 'text', shortcut: 'T' },
  { tool: 'rect', shortcut: 'R' },
  { tool: 'ellipse', shortcut: 'O' },
  { tool: 'diamond', shortcut: null },
  { tool: 'arrow', shortcut: 'A' },
  { tool: 'pen', shortcut: 'P' },
  { tool: 'frame', shortcut: 'F' },
];

export interface Availability {
  readonly tool: (tool: ToolId) => boolean;
  readonly undo: boolean;
  readonly redo: boolean;
  readonly align: boolean;
  readonly distribute: boolean;
  readonly arrange: boolean;
  readonly lock: boolean;
  readonly remove: boolean;
  /** The swatches: they recolour the selected notes and set the colour of the next one. */
  readonly pickColour: boolean;
}

/**
 * What the toolbar enables. Commenting depends on the role alone (`board.comment`), not on the
 * connection. Locked shapes are not arranged, recoloured nor deleted (the engine
 * leaves them alone), but they may be unlocked; connectors follow what they join and are not aligned.
 */
export function availability(selected: readonly Shape[], readOnly: boolean, canUndo: boolean, canRedo: boolean, canComment: boolean): Availability {
  const unlocked = selected.filter((shape) => !shape.locked);
  const placed = unlocked.filter((shape) => shape.type !== 'connector');
  const editable = !readOnly;
  return {
    tool: (tool) => (tool === 'comment' ? canComment : editable || READ_ONLY_TOOLS.has(tool)),
    undo: editable && canUndo,
    redo: editable && canRedo,
    align: editable && placed.length >= 2,
    distribute: editable && placed.length >= 3,
    arrange: editable && unlocked.length > 0,
    lock: editable && selected.length > 0,
    remove: editable && unlocked.length > 0,
    pickColour: editable,
  };
}
