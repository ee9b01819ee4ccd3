import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { RejectedShape } from '@eprouvette/shared';
import { createYjsBoard, type YjsBoard } from '../document/yjs-board.ts';
import { Editor } from '../engine/editor.ts';
import { guardCommands, guardHistory } from './read-only-guard.ts';
import { READ_ONLY_TOOLS } from './toolbar-state.ts';

export interface BoardEngine {
  /** The document, its commands stopped while read-only. */
  readonly board: YjsBoard;
  readonly editor: Editor;
}

/**
 * The engine over a board's document for as long as the page shows it: the Yjs board (one
 * origin per page, which is what undo tracks) and the editor, both torn down with the page.
 */
export function useBoardEngine(doc: Y.Doc | null, author: string, readOnly: boolean): { engine: BoardEngine | null; rejected: readonly RejectedShape[] } {
  const [engine, setEngine] = useState<BoardEngine | null>(null);
  const [rejected, setRejected] = useState<readonly RejectedShape[]>([]);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

  useEffect(() => {
    if (doc === null) return;
    const isReadOnly = () => readOnlyRef.current;
    const yjs = createYjsBoard(doc, {}, (shapes) => setRejected((current) => (current.length === shapes.length ? current : shapes)));
    setRejected(yjs.rejected());
    const board: YjsBoard = { ...yjs, commands: guardCommands(yjs.commands, isReadOnly) };
    const editor = new Editor({ source: board.source, commands: board.commands, history: guardHistory(yjs.history, isReadOnly), author });
    setEngine({ board, editor });
    return () => {
      setEngine(null);
      editor.dispose();
      yjs.destroy();
    };
  }, [doc, author]);

  useEffect(() => {
    if (engine === null || !readOnly) return;
    if (!READ_ONLY_TOOLS.has(engine.editor.getState().tool)) engine.editor.setTool('select');
  }, [engine, readOnly]);

  return { engine, rejected };
}
