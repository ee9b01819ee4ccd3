import { useSyncExternalStore } from 'react';
import type { Editor, EditorState } from '../engine/editor.ts';

/**
 * One part of the editor's state; the component re-renders only when that part changes (the
 * camera changes every frame of a pan, and the toolbar need not follow). `select` must return a
 * primitive or an object the state already holds, not a new one.
 */
export function useEditorState<T>(editor: Editor, select: (state: EditorState) => T): T {
  return useSyncExternalStore(editor.subscribe, () => select(editor.getState()));
}
