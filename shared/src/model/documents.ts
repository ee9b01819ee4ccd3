import type { Id } from './ids.ts';
import { isId } from './ids.ts';

/**
 * Names of the Yjs documents, and which AMI each belongs to. Every document belongs to exactly one
 * AMI, and the name says which, so the sync gate can find the AMI (and the board) to check the
 * user's role before loading anything:
 *
 *   ami-<amiId>.text                      the AMI's text (one per AMI)
 *   ami-<amiId>.board-<boardId>           a board of that AMI
 *   ami-<amiId>.text.comments             the comment threads on the text
 *   ami-<amiId>.board-<boardId>.comments  the comment threads on a board
 *
 * Comment documents are written by the server only (through the REST API, where commenters may
 * write); every member who may read the text or board reads them live.
 *
 * Ids are the 16-character lowercase base32 ids of `ids.ts`. Their alphabet has no `.` or `-`, so
 * a name splits one way only, and every name satisfies `isValidDocumentName` (it starts with a
 * letter, uses only `[a-z0-9.-]`, and is at most 52 characters long).
 *
 * The board id alone would be unique, but the AMI id is in the name on purpose: the gate checks
 * that the board really belongs to that AMI, so a name can never pair a board with another AMI.
 */
export type DocumentRef =
  | { readonly kind: 'ami-text'; readonly amiId: Id; readonly comments?: true }
  | { readonly kind: 'board'; readonly amiId: Id; readonly boardId: Id; readonly comments?: true };

const AMI_TEXT_NAME = /^ami-([a-z2-7]{16})\.text(\.comments)?$/;
const BOARD_NAME = /^ami-([a-z2-7]{16})\.board-([a-z2-7]{16})(\.comments)?$/;
const COMMENTS_SUFFIX = '.comments';

/** The comment document of a text or board. */
export function commentsOf(ref: DocumentRef): DocumentRef {
  return { ...ref, comments: true };
}

/** The document name of `ref`. Throws on an invalid id: that is a programming error, not input. */
export function documentName(ref: DocumentRef): string {
  if (!isId(ref.amiId)) throw new TypeError(`documentName: invalid AMI id ${JSON.stringify(ref.amiId)}`);
  const suffix = ref.comments === true ? COMMENTS_SUFFIX : '';
  if (ref.kind === 'ami-text') return `ami-${ref.amiId}.text${suffix}`;
  if (ref.kind === 'board') {
    if (!isId(ref.boardId)) throw new TypeError(`documentName: invalid board id ${JSON.stringify(ref.boardId)}`);
    return `ami-${ref.amiId}.board-${ref.boardId}${suffix}`;
  }
  throw new TypeError(`documentName: unknown document kind ${JSON.stringify((ref as { kind: unknown }).kind)}`);
}

/**
 * The reference a document name stands for, or null for anything that `documentName` would not
 * produce: names are parsed strictly so that one document has one name, and a client cannot reach
 * the same storage under two spellings (case, padding, extra suffixes).
 */
export function parseDocumentName(name: string): DocumentRef | null {
  if (typeof name !== 'string') return null;
  const text = AMI_TEXT_NAME.exec(name);
  if (text?.[1] !== undefined) return text[2] === undefined ? { kind: 'ami-text', amiId: text[1] } : { kind: 'ami-text', amiId: text[1], comments: true };
  const board = BOARD_NAME.exec(name);
  if (board?.[1] !== undefined && board[2] !== undefined) {
    const ref = { kind: 'board', amiId: board[1], boardId: board[2] } as const;
    return board[3] === undefined ? ref : commentsOf(ref);
  }
  return null;
}
