/**
 * Slices of the editor's state for workshop panels: they re-render when the selection or the
 * document changes, not on every frame of a pan.
 */
import { useSyncExternalStore } from 'react';
import type { Editor } from '../engine/editor.ts';
import type { Selection } from '../engine/selection.ts';

export function useEditorSelection(editor: Editor): Selection {
  const read = () => editor.getState().selection;
  return useSyncExternalStore(editor.subscribe, read, read);
}

export function useEditorRevision(editor: Editor): number {
  const read = () => editor.getState().revision;
  return useSyncExternalStore(editor.subscribe, read, read);
}
