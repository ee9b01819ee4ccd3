/**
 * Pure text helpers for the textarea ⇄ Y.Text binding: turning two versions of a string into one
 * minimal change, and moving a selection through a remote `Y.Text` delta. No DOM, no Yjs import:
 * they run in Node under vitest.
 *
 * Positions are UTF-16 code unit offsets, as in `HTMLTextAreaElement.selectionStart` and
 * `Y.Text`. Changes never start or end between the two halves of a surrogate pair (Yjs would
 * replace a split pair by U+FFFD).
 */

/** Replace `deleteCount` code units at `index` with `insert`. */
export interface TextChange {
  index: number;
  deleteCount: number;
  insert: string;
}

/** One operation of a `Y.YTextEvent#delta` (Quill delta format). Attributes are ignored. */
export interface DeltaOp {
  insert?: unknown;
  retain?: number;
  delete?: number;
}
export type TextDelta = readonly DeltaOp[];

export interface TextSelection {
  start: number;
  end: number;
  direction?: 'forward' | 'backward' | 'none';
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single change turning `before` into `after` (common prefix and suffix kept), or
 * `null` when they are equal. When the edit is ambiguous (typing "a" into "aa"), `caret` — the
 * caret in `after` once the edit happened, i.e. `selectionEnd` in an `input` handler — picks the
 * placement whose end is closest to it; without it the change is placed as late as possible.
 */
export function diffText(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null;
  const minLength = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < minLength && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < minLength &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Every split p + s = common with p <= prefix and s <= suffix is equally small.
  const common = Math.min(prefix + suffix, minLength);
  const lowest = Math.max(0, common - suffix);
  const highest = Math.min(prefix, common);
  let start = highest;
  if (caret !== undefined) {
    // The change ends at after.length - (common - start) in `after`; make that the caret.
    start = Math.min(highest, Math.max(lowest, caret - after.length + common));
  }
  let end = common - start; // kept suffix length
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return {
    index: start,
    deleteCount: before.length - start - end,
    insert: after.slice(start, after.length - end),
  };
}

export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.deleteCount);
}

function insertLength(insert: unknown): number {
  return typeof insert === 'string' ? insert.length : 1; // embeds count as one position
}

/** Applies a `Y.Text` delta to a string (embeds become U+FFFC). Mostly for tests. */
export function applyDelta(text: string, delta: TextDelta): string {
  let result = '';
  let index = 0;
  for (const op of delta) {
    if (op.retain !== undefined) {
      result += text.slice(index, index + op.retain);
      index += op.retain;
    } else if (op.delete !== undefined) {
      index += op.delete;
    } else if (op.insert !== undefined) {
      result += typeof op.insert === 'string' ? op.insert : '\ufffc';
    }
  }
  return result + text.slice(index);
}

/**
 * Where `position` ends up once `delta` is applied. A text inserted exactly at `position` goes
 * after it with `stick: 'before'` (the position keeps its place) and before it with
 * `stick: 'after'` (the position moves to the end of the insertion).
 */
export function transformPosition(position: number, delta: TextDelta, stick: 'before' | 'after' = 'before'): number {
  let result = position;
  let index = 0; // in the partially transformed text, like `result`
  for (const op of delta) {
    if (index > result) break;
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.delete !== undefined) {
      if (result > index) result = Math.max(index, result - op.delete);
    } else if (op.insert !== undefined) {
      const length = insertLength(op.insert);
      if (result > index || (result === index && stick === 'after')) result += length;
      index += length;
    }
  }
  return result;
}

/**
 * Moves a local selection through a remote delta. A caret stays before text inserted right at it
 * (so two people typing at the same place do not interleave); a range neither grows to swallow
 * text inserted at its edges nor keeps text that was deleted.
 */
export function shiftSelection(selection: TextSelection, delta: TextDelta): TextSelection {
  if (selection.start === selection.end) {
    const caret = transformPosition(selection.start, delta, 'before');
    return { ...selection, start: caret, end: caret };
  }
  const start = transformPosition(selection.start, delta, 'after');
  const end = Math.max(start, transformPosition(selection.end, delta, 'before'));
  return { ...selection, start, end };
}

/**
 * Where to put the caret after a change that is not typing (undo/redo): right after the last
 * inserted text, or where the last deletion happened. `null` for an empty delta.
 */
export function caretAfterDelta(delta: TextDelta): number | null {
  let index = 0;
  let caret: number | null = null;
  for (const op of delta) {
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.delete !== undefined) {
      caret = index;
    } else if (op.insert !== undefined) {
      index += insertLength(op.insert);
      caret = index;
    }
  }
  return caret;
}
