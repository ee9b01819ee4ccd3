/**
 * What the search index holds, read from the records and the documents (pure: no database here).
 * One entry per thing a result can open: an AMI, a board, an item on a board, a top-level block of
 * an AMI text, a comment thread.
 */
import * as Y from 'yjs';
import type { DocumentRef, Id, SearchHitKind, Shape } from '@eprouvette/shared';
import { readBoard, readThreads, readTopLevelBlocks, TECHNOLOGY_TAG_LABELS, TEXT_FRAGMENT, type CommentThread } from '@eprouvette/shared';
import type { AmiRecord } from '../records/amis.ts';
import type { BoardRecord } from '../records/boards.ts';

export interface SearchEntry {
  kind: SearchHitKind;
  amiId: Id;
  boardId: Id | null;
  /** The document the entry was read from; null for AMI and board records. */
  document: string | null;
  /** Which part of the document: a shape id, a block index, a thread id; null for records. */
  itemRef: string | null;
  /** Where its page opens: on a shape of a board, at a block of the text; null for the top of the page. */
  focus: string | null;
  /** Shown, never searched: a passage's section heading, an item's frame, a comment's author. */
  label: string;
  /** Searched and weighted above the body: an AMI's or a board's title. */
  title: string;
  body: string;
}

const lines = (...parts: readonly string[]) => parts.filter((part) => part.trim() !== '').join('\n');

export function amiRecordEntry(ami: AmiRecord): SearchEntry {
  const tags = ami.tags.map((tag) => TECHNOLOGY_TAG_LABELS[tag] ?? tag);
  return {
    kind: 'ami',
    amiId: ami.id,
    boardId: null,
    document: null,
    itemRef: null,
    focus: null,
    label: '',
    title: ami.title,
    body: lines(ami.summary, ami.domain.name, ...tags),
  };
}

export function boardRecordEntry(board: BoardRecord): SearchEntry {
  return {
    kind: 'board',
    amiId: board.amiId,
    boardId: board.id,
    document: null,
    itemRef: null,
    focus: null,
    label: '',
    title: board.title,
    body: board.organisation.name,
  };
}

/** The words written on a shape: its text, a frame's title, an image's description. */
function shapeWords(shape: Shape): string {
  switch (shape.type) {
    case 'frame':
      return shape.title;
    case 'image':
      return shape.alt;
    case 'draw':
      return '';
    default:
      return shape.text;
  }
}

function boardItemEntries(ref: Extract<DocumentRef, { kind: 'board' }>, document: string, doc: Y.Doc): SearchEntry[] {
  const { shapes } = readBoard(doc);
  const frameTitles = new Map(shapes.flatMap((shape) => (shape.type === 'frame' ? [[shape.id, shape.title] as const] : [])));
  return shapes.flatMap((shape): SearchEntry[] => {
    const body = shapeWords(shape);
    if (body.trim() === '') return [];
    const frame = shape.parent === null ? '' : (frameTitles.get(shape.parent) ?? '');
    return [{ kind: 'board-item', amiId: ref.amiId, boardId: ref.boardId, document, itemRef: shape.id, focus: shape.id, label: frame, title: '', body }];
  });
}

/** One entry per top-level block that says something, labelled with the heading it falls under. */
function textEntries(amiId: Id, document: string, doc: Y.Doc): SearchEntry[] {
  const entries: SearchEntry[] = [];
  let section = '';
  readTopLevelBlocks(doc.getXmlFragment(TEXT_FRAGMENT)).forEach((blocks, index) => {
    if (blocks[0]?.kind === 'heading') section = blocks[0].text;
    const body = lines(...blocks.map((block) => block.text));
    if (body === '') return;
    entries.push({ kind: 'text', amiId, boardId: null, document, itemRef: String(index), focus: String(index), label: section, title: '', body });
  });
  return entries;
}

/** The index of the top-level block of the text holding the position (base64 of a Yjs relative position). */
function blockOf(text: Y.Doc, encoded: string): number | null {
  const fragment = text.getXmlFragment(TEXT_FRAGMENT);
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(encoded, 'base64')), text);
  } catch {
    return null;
  }
  if (absolute === null) return null;
  if (absolute.type === fragment) return absolute.index;
  let type: Y.AbstractType<unknown> = absolute.type;
  for (let parent = type._item?.parent; parent instanceof Y.AbstractType; parent = type._item?.parent) {
    if (parent === fragment) {
      const index = fragment.toArray().indexOf(type as Y.XmlElement);
      return index === -1 ? null : index;
    }
    type = parent;
  }
  return null;
}

/** Where a thread's link opens: its shape on a board, its passage's block in the text. */
function threadFocus(thread: CommentThread, text: Y.Doc | null): string | null {
  const anchor = thread.anchor;
  if (anchor.kind === 'board') return anchor.shapeId;
  const block = text === null ? null : blockOf(text, anchor.start);
  return block === null ? null : String(block);
}

/**
 * One entry per thread, its messages as the body. A text's threads need the text (`text`), to
 * find the block each one is pinned in.
 */
function commentEntries(ref: DocumentRef, document: string, doc: Y.Doc, text: Y.Doc | null): SearchEntry[] {
  const boardId = ref.kind === 'board' ? ref.boardId : null;
  return readThreads(doc).threads.map((thread) => ({
    kind: 'comment',
    amiId: ref.amiId,
    boardId,
    document,
    itemRef: thread.id,
    focus: threadFocus(thread, text),
    label: thread.createdBy.name,
    title: '',
    body: lines(...thread.messages.map((message) => message.text)),
  }));
}

/**
 * The entries of a document, read from its state. `text` is the AMI text's state, needed (and
 * only read) for the comments on the text.
 */
export function documentEntries(ref: DocumentRef, document: string, state: Uint8Array, text: Uint8Array | null = null): SearchEntry[] {
  const doc = new Y.Doc();
  const textDoc = text === null ? null : new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    if (textDoc !== null && text !== null) Y.applyUpdate(textDoc, text);
    if (ref.comments === true) return commentEntries(ref, document, doc, textDoc);
    return ref.kind === 'board' ? boardItemEntries(ref, document, doc) : textEntries(ref.amiId, document, doc);
  } finally {
    doc.destroy();
    textDoc?.destroy();
  }
}
