/**
 * What the parts of a board page share: the live document, the engine, and who is looking. The
 * canvas and toolbar read it, and so do the panels plugged into the layout's slots (export menu,
 * list view, workshop tools), without the page passing everything down.
 */
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { AmiDetailView, BoardView, MeView } from '@eprouvette/shared';
import type { YjsBoard } from '../document/yjs-board.ts';
import type { Editor } from '../engine/editor.ts';
import type { Awareness } from '../../sync/session.ts';

export interface BoardContextValue {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The document as the engine sees it. Its commands write nothing while `readOnly`. */
  readonly board: YjsBoard;
  readonly editor: Editor;
  /** The server applies none of this connection's edits: every editing control is off. */
  readonly readOnly: boolean;
  readonly me: MeView;
  readonly ami: AmiDetailView;
  readonly boardView: BoardView;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (value === null) throw new Error('useBoard() outside a board page');
  return value;
}
