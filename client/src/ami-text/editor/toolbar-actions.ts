/**
 * Every formatting action of the text toolbar as data: its French name (message key), its keyboard
 * shortcut (Tiptap's own bindings, shown in the button's name and title), whether it applies to the
 * selection, and the one command both `can()` and the click run — so a button is enabled exactly
 * when its command would do something.
 */
import type { ChainedCommands, Editor } from '@tiptap/core';
import type { Lang, MessageKey } from '../../i18n/index.ts';
import type { TextIconName } from './text-icons.tsx';

export type ShortcutKey = 'Mod' | 'Shift' | 'Alt' | string;

export interface TextAction {
  readonly id: string;
  readonly label: MessageKey;
  readonly icon: TextIconName;
  readonly keys: readonly ShortcutKey[] | null;
  readonly active?: (editor: Editor) => boolean;
  readonly command: (chain: ChainedCommands) => ChainedCommands;
}

export interface TextActionGroup {
  readonly label: MessageKey;
  readonly actions: readonly TextAction[];
}

const heading = (level: 1 | 2 | 3): TextAction => ({
  id: `heading${level}`,
  label: `amiText.action.heading${level}`,
  icon: `heading${level}`,
  keys: ['Mod', 'Alt', String(level)],
  active: (editor) => editor.isActive('heading', { level }),
  command: (chain) => chain.toggleHeading({ level }),
});

export const INLINE_ACTIONS: TextActionGroup = {
  label: 'amiText.toolbar.inline',
  actions: [
    { id: 'bold', label: 'amiText.action.bold', icon: 'bold', keys: ['Mod', 'B'], active: (e) => e.isActive('bold'), command: (c) => c.toggleBold() },
    { id: 'italic', label: 'amiText.action.italic', icon: 'italic', keys: ['Mod', 'I'], active: (e) => e.isActive('italic'), command: (c) => c.toggleItalic() },
    { id: 'strike', label: 'amiText.action.strike', icon: 'strike', keys: ['Mod', 'Shift', 'S'], active: (e) => e.isActive('strike'), command: (c) => c.toggleStrike() },
    {
      id: 'highlight',
      label: 'amiText.action.highlight',
      icon: 'highlight',
      keys: ['Mod', 'Shift', 'H'],
      active: (e) => e.isActive('highlight'),
      command: (c) => c.toggleHighlight(),
    },
  ],
};

export const BLOCK_ACTIONS: TextActionGroup = {
  label: 'amiText.toolbar.blocks',
  actions: [
    { id: 'paragraph', label: 'amiText.action.paragraph', icon: 'paragraph', keys: ['Mod', 'Alt', '0'], active: (e) => e.isActive('paragraph'), command: (c) => c.setParagraph() },
    heading(1),
    heading(2),
    heading(3),
    {
      id: 'bulletList',
      label: 'amiText.action.bulletList',
      icon: 'bulletList',
      keys: ['Mod', 'Shift', '8'],
      active: (e) => e.isActive('bulletList'),
      command: (c) => c.toggleBulletList(),
    },
    {
      id: 'orderedList',
      label: 'amiText.action.orderedList',
      icon: 'orderedList',
      keys: ['Mod', 'Shift', '7'],
      active: (e) => e.isActive('orderedList'),
      command: (c) => c.toggleOrderedList(),
    },
    {
      id: 'blockquote',
      label: 'amiText.action.blockquote',
      icon: 'blockquote',
      keys: ['Mod', 'Shift', 'B'],
      active: (e) => e.isActive('blockquote'),
      command: (c) => c.toggleBlockquote(),
    },
  ],
};

export const TABLE_ACTIONS: TextActionGroup = {
  label: 'amiText.toolbar.table',
  actions: [
    { id: 'insertTable', label: 'amiText.action.insertTable', icon: 'table', keys: null, command: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
    { id: 'addRow', label: 'amiText.action.addRow', icon: 'addRow', keys: null, command: (c) => c.addRowAfter() },
    { id: 'deleteRow', label: 'amiText.action.deleteRow', icon: 'deleteRow', keys: null, command: (c) => c.deleteRow() },
    { id: 'addColumn', label: 'amiText.action.addColumn', icon: 'addColumn', keys: null, command: (c) => c.addColumnAfter() },
    { id: 'deleteColumn', label: 'amiText.action.deleteColumn', icon: 'deleteColumn', keys: null, command: (c) => c.deleteColumn() },
    { id: 'deleteTable', label: 'amiText.action.deleteTable', icon: 'deleteTable', keys: null, command: (c) => c.deleteTable() },
  ],
};

/** Collaboration's undo: it reverts only this person's changes, never what the others wrote. */
export const HISTORY_ACTIONS: TextActionGroup = {
  label: 'amiText.toolbar.history',
  actions: [
    { id: 'undo', label: 'amiText.action.undo', icon: 'undo', keys: ['Mod', 'Z'], command: (c) => c.undo() },
    { id: 'redo', label: 'amiText.action.redo', icon: 'redo', keys: ['Mod', 'Shift', 'Z'], command: (c) => c.redo() },
  ],
};

export interface ActionState {
  readonly enabled: boolean;
  readonly active: boolean;
}

/** What each button shows; nothing is enabled while the editor is read-only. */
export function actionStates(editor: Editor, groups: readonly TextActionGroup[]): Record<string, ActionState> {
  const states: Record<string, ActionState> = {};
  for (const { actions } of groups) {
    for (const action of actions) {
      states[action.id] = {
        enabled: editor.isEditable && action.command(editor.can().chain()).run(),
        active: action.active?.(editor) ?? false,
      };
    }
  }
  return states;
}

export function runAction(editor: Editor, action: TextAction): void {
  action.command(editor.chain().focus()).run();
}

const KEY_NAMES: Record<Lang, Record<string, string>> = {
  fr: { Mod: 'Ctrl', Shift: 'Maj', Alt: 'Alt' },
  en: { Mod: 'Ctrl', Shift: 'Shift', Alt: 'Alt' },
};

/** `['Mod', 'Shift', 'S']` → « Ctrl+Maj+S » in French. */
export function shortcutLabel(keys: readonly ShortcutKey[], lang: Lang): string {
  return keys.map((key) => KEY_NAMES[lang][key] ?? key).join('+');
}
