/**
 * Text anchors ⇄ editor positions. An anchor holds two Yjs relative positions in the text's
 * XmlFragment, so a passage follows everyone's edits; y-tiptap converts between them and
 * ProseMirror positions through the binding's mapping (Y type → ProseMirror node).
 *
 * The start sticks to the passage's first character and the end to its last (y-tiptap's positions
 * stick to the character before them, which suits the end only): text typed right before or right
 * after the passage stays outside it, text typed inside it grows it, and a passage deleted
 * entirely resolves to an empty range.
 */
import type { EditorState } from '@tiptap/pm/state';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { QUOTE_MAX_LENGTH, type TextAnchor } from '@eprouvette/shared';
import type { ThreadPlace } from './thread-list.ts';

/** The binding's map from Y types to the ProseMirror nodes rendered from them (y-tiptap's `ProsemirrorMapping`). */
type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** What the conversions need: the text's document and fragment, and the editor's mapping of it. */
export interface TextBinding {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

/** Where an anchor is in the editor's document now; `from === to` once the passage is deleted. */
export interface PassageRange {
  from: number;
  to: number;
}

interface YSyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: ProsemirrorMapping } | null;
}

/** The binding of an editor with Tiptap's Collaboration extension, or null without it. */
export function bindingOf(state: EditorState): TextBinding | null {
  const sync = ySyncPluginKey.getState(state) as YSyncState | undefined;
  if (!sync?.binding) return null;
  return { doc: sync.doc, fragment: sync.type, mapping: sync.binding.mapping };
}

const encode = (position: Y.RelativePosition): string => toBase64(Y.encodeRelativePosition(position));

function decode(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/** y-tiptap's position of `pos`, moved to stick to the character after it when it is in a text. */
function startPosition(binding: TextBinding, pos: number): Y.RelativePosition {
  const before = absolutePositionToRelativePosition(pos, binding.fragment, binding.mapping) as Y.RelativePosition;
  const absolute = Y.createAbsolutePositionFromRelativePosition(before, binding.doc);
  if (absolute === null || !(absolute.type instanceof Y.XmlText)) return before;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
}

/** The passage as it reads, on one line, cut to what an anchor may quote. */
export function quoteOf(doc: ProseMirrorNode, from: number, to: number): string {
  const text = doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim();
  return text.length <= QUOTE_MAX_LENGTH ? text : `${text.slice(0, QUOTE_MAX_LENGTH - 1).trimEnd()}…`;
}

/** The anchor of the passage `from`–`to` of `doc`, or null when it holds no text. */
export function anchorOf(binding: TextBinding, doc: ProseMirrorNode, from: number, to: number): TextAnchor | null {
  const quote = quoteOf(doc, from, to);
  if (from >= to || quote === '') return null;
  const end = absolutePositionToRelativePosition(to, binding.fragment, binding.mapping) as Y.RelativePosition;
  return { kind: 'text', start: encode(startPosition(binding, from)), end: encode(end), quote };
}

/** Whether a type sits in a block someone deleted: positions in it no longer point anywhere. */
function inDeletedBlock(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) if (item.deleted) return true;
  return false;
}

/** The editor position of a relative position, or null when it points nowhere in the text. */
function editorPosition(binding: TextBinding, position: Y.RelativePosition): number | null {
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  } catch {
    // A position naming neither an item nor a type: Yjs throws rather than answering null.
    return null;
  }
  if (absolute === null || inDeletedBlock(absolute.type)) return null;
  // y-tiptap takes a character position that lands at the very start of the document for one in a
  // deleted block (checked just above) and answers null; the same place, counted from the text's
  // start, resolves without that guess.
  const counted = absolute.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1) : position;
  return relativePositionToAbsolutePosition(binding.doc, binding.fragment, counted, binding.mapping);
}

/** Where the anchor's passage is now, or null when it cannot be found in this text any more. */
export function resolveAnchor(binding: TextBinding, anchor: TextAnchor): PassageRange | null {
  const start = decode(anchor.start);
  const end = decode(anchor.end);
  if (start === null || end === null) return null;
  const from = editorPosition(binding, start);
  const to = editorPosition(binding, end);
  if (from === null || to === null) return null;
  return { from, to: Math.max(from, to) };
}

/** Whether the passage is gone: deleted entirely, or no longer found in the text. */
export const isDeletedPassage = (range: PassageRange | null): boolean => range === null || range.from === range.to;

/** The passages of threads as the panel places them: in text order, a deleted one where it was (or last, if not found). */
export function passagePlaces(ranges: ReadonlyMap<string, PassageRange | null>): Map<string, ThreadPlace> {
  return new Map([...ranges].map(([id, range]) => [id, { order: range?.from ?? Number.POSITIVE_INFINITY, deleted: isDeletedPassage(range) }]));
}
