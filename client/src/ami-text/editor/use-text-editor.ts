/**
 * The live Tiptap editor of a text document: bound to the session's Y.Doc, showing the others'
 * carets, editable only while the server accepts this connection's edits.
 */
import { useEffect } from 'react';
import type { Extension } from '@tiptap/core';
import { useEditor, type Editor } from '@tiptap/react';
import type { SyncSession } from '../../sync/session.ts';
import { textExtensions } from './extensions.ts';

const NO_EXTRA: Extension[] = [];

export interface TextEditorOptions {
  session: SyncSession;
  editable: boolean;
  /** The accessible name of the editing area. */
  label: string;
  /**
   * Extensions a page adds (comment highlights…). A new array recreates the editor: keep it
   * stable (a module constant or `useMemo`).
   */
  extraExtensions?: Extension[];
}

function editorAttributes(label: string, editable: boolean): Record<string, string> {
  return {
    class: 'ami-text__content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(!editable),
    'data-testid': 'ami-text-editor',
  };
}

export function useTextEditor({ session, editable, label, extraExtensions = NO_EXTRA }: TextEditorOptions): Editor {
  const editor = useEditor(
    {
      extensions: textExtensions({
        doc: session.doc,
        caret: { provider: session.provider, user: session.identity },
        extra: extraExtensions,
      }),
      editable,
      editorProps: { attributes: editorAttributes(label, editable) },
      // Parts that follow the text subscribe to what they show (useEditorState).
      shouldRerenderOnTransaction: false,
    },
    [session, extraExtensions],
  );

  useEffect(() => {
    editor.setEditable(editable, false);
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: editorAttributes(label, editable) } });
  }, [editor, editable, label]);

  return editor;
}
