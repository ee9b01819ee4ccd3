/**
 * What the board's comment parts share — the canvas (pins, the composer at a pin), the toolbar and
 * the « Commentaires » panel: the threads as the comment document holds them, which one is open,
 * the comment being written, and the requests that change them.
 */
import { createContext, useContext, type RefObject } from 'react';
import type { BoardAnchor, CommentThread, CommentThreadView } from '@eprouvette/shared';
import type { ApiResult } from '../../api/client.ts';
import type { ThreadActions } from '../../comments/CommentThreadCard.tsx';
import type { CommentPin, PinMark } from './pin-marks.ts';

export interface BoardCommentsValue {
  readonly threads: readonly CommentThread[];
  /** Threads skipped because they do not read. */
  readonly rejectedCount: number;
  /** The comment document has been received once. */
  readonly loaded: boolean;
  /** The server refused the comment document. */
  readonly unavailable: boolean;
  /** The pins to draw, in drawing order. */
  readonly pins: readonly CommentPin[];
  /** Each thread's pin number. */
  readonly numbers: ReadonlyMap<string, number>;
  /** The pins as the canvas last drew them (where « Voir » goes, what a click opens). */
  readonly marks: RefObject<readonly PinMark[]>;
  /** The thread shown open: its pin ringed, its card with a reply box. */
  readonly activeId: string | null;
  select(threadId: string | null): void;
  /** Where the comment being written goes, or null. */
  readonly draft: BoardAnchor | null;
  startDraft(anchor: BoardAnchor): void;
  closeDraft(): void;
  /** Null for people who may only read the comments (`board.comment` refused). */
  readonly actions: (ThreadActions & { create(anchor: BoardAnchor, text: string, mentions: string[]): Promise<ApiResult<CommentThreadView>> }) | null;
  /** What to say politely to screen-reader users; `announce` replaces it. */
  readonly announcement: string;
  announce(message: string): void;
}

export const BoardCommentsContext = createContext<BoardCommentsValue | null>(null);

export function useBoardComments(): BoardCommentsValue {
  const value = useContext(BoardCommentsContext);
  if (value === null) throw new Error('useBoardComments() outside BoardCommentsProvider');
  return value;
}
