import type { Direction } from './geometry/math.ts';
import type { ToolId } from './tools/tool.ts';

/** A key press as the app reads it from a KeyboardEvent. */
export interface KeyInput {
  /** `KeyboardEvent.key`: what the layout types, so R is R on AZERTY too. */
  readonly key: string;
  /** `KeyboardEvent.code`: the physical key, for digits whose character depends on the layout. */
  readonly code: string;
  readonly shift: boolean;
  readonly alt: boolean;
  /** Ctrl, or ⌘ on Apple keyboards. */
  readonly mod: boolean;
  /** A text field (or the in-place text editor) has focus: every key is its own. */
  readonly inTextField: boolean;
}

export type ShortcutAction =
  | { readonly kind: 'tool'; readonly tool: ToolId }
  | { readonly kind: 'nudge'; readonly direction: Direction; readonly large: boolean }
  | { readonly kind: 'focus'; readonly direction: Direction }
  | { readonly kind: 'reorder'; readonly direction: 'forward' | 'backward' }
  | {
      readonly kind:
        | 'cancel'
        | 'delete'
        | 'undo'
        | 'redo'
        | 'duplicate'
        | 'select-all'
        | 'copy'
        | 'cut'
        | 'paste'
        | 'zoom-in'
        | 'zoom-out'
        | 'zoom-to-fit'
        | 'zoom-to-selection'
        | 'toggle-lock'
        | 'comment';
    };

const TOOL_KEYS: Readonly<Record<string, ToolId>> = {
  v: 'select',
  h: 'hand',
  n: 'sticky',
  t: 'text',
  r: 'rect',
  o: 'ellipse',
  a: 'arrow',
  p: 'pen',
  f: 'frame',
};

const ARROW_KEYS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

function withMod(key: string, shift: boolean): ShortcutAction | null {
  switch (key) {
    case 'z':
      return { kind: shift ? 'redo' : 'undo' };
    case 'y':
      return { kind: 'redo' };
    case 'd':
      return { kind: 'duplicate' };
    case 'a':
      return { kind: 'select-all' };
    case 'c':
      return { kind: 'copy' };
    case 'x':
      return { kind: 'cut' };
    case 'v':
      return { kind: 'paste' };
    case 'l':
      return { kind: 'toggle-lock' };
    default:
      return null;
  }
}

/**
 * The board's keyboard map. Symbol keys (+ − [ ]) match whatever modifiers produced them, since
 * on AZERTY they need Shift or AltGr (which browsers report as Ctrl+Alt).
 */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  if (input.inTextField) return null;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (input.mod && !input.alt) {
    const action = withMod(key, input.shift);
    if (action !== null) return action;
  }
  const direction = ARROW_KEYS[key];
  if (direction !== undefined) return input.alt ? { kind: 'focus', direction } : { kind: 'nudge', direction, large: input.shift };
  if (input.shift && input.code === 'Digit1') return { kind: 'zoom-to-fit' };
  if (input.shift && input.code === 'Digit2') return { kind: 'zoom-to-selection' };
  switch (key) {
    case 'Escape':
      return { kind: 'cancel' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'delete' };
    case '+':
    case '=':
      return { kind: 'zoom-in' };
    case '-':
    case '_':
      return { kind: 'zoom-out' };
    case ']':
      return { kind: 'reorder', direction: 'forward' };
    case '[':
      return { kind: 'reorder', direction: 'backward' };
  }
  // C comments: on the selection when there is one, else where the next click says (`Editor.startComment`).
  if (key === 'c' && !input.mod && !input.alt && !input.shift) return { kind: 'comment' };
  const tool = TOOL_KEYS[key];
  return tool !== undefined && !input.mod && !input.alt && !input.shift ? { kind: 'tool', tool } : null;
}
