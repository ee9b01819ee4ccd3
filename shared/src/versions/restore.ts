/**
 * Restoring a version: the live document is made equal to the version's content by a NEW change
 * (deletions and insertions on top of the current state), never by rewinding history. Everyone
 * connected receives it like any edit, their unsent edits merge with it, and the history keeps
 * both what was and what came back.
 *
 * Both functions leave alone what already equals the version — a text block, a shape, a property —
 * so the change is as small as the difference, and whatever is anchored there (a comment on a
 * paragraph, someone typing in a sticky) survives the restore.
 */
import { diffArrays } from 'diff';
import * as Y from 'yjs';
import { shapesMap } from '../board/layout.ts';
import { textChange } from '../board/text-diff.ts';
import { TEXT_FRAGMENT } from './text-blocks.ts';

type XmlNode = Y.XmlElement | Y.XmlText;

/** What a top-level node holds, formatting and attributes included (Yjs writes them as XML). */
function nodeKey(node: unknown): string {
  if (node instanceof Y.XmlElement) return `element:${node.toString()}`;
  return node instanceof Y.XmlText ? `text:${node.toString()}` : '';
}

/**
 * Makes the text's fragment equal the version's: the top-level blocks that differ are deleted
 * and replaced by deep copies of the version's (`clone` copies element attributes and the text's
 * formatting), in one transaction.
 */
export function restoreText(doc: Y.Doc, version: Y.Doc, origin: unknown = null, field = TEXT_FRAGMENT): void {
  const target = doc.getXmlFragment(field);
  const source = version.getXmlFragment(field).toArray() as XmlNode[];
  const parts = diffArrays(target.toArray().map(nodeKey), source.map(nodeKey));
  doc.transact(() => {
    let index = 0;
    let fromVersion = 0;
    for (const part of parts) {
      if (part.removed) {
        target.delete(index, part.count);
      } else if (part.added) {
        target.insert(index, source.slice(fromVersion, fromVersion + part.count).map((node) => node.clone()));
        index += part.count;
        fromVersion += part.count;
      } else {
        index += part.count;
        fromVersion += part.count;
      }
    }
  }, origin);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

/** Gives one key of a shape the version's value; a text is edited in place by its smallest change. */
function restoreKey(shape: Y.Map<unknown>, key: string, value: unknown): void {
  const current = shape.get(key);
  if (value instanceof Y.Text && current instanceof Y.Text) {
    const change = textChange(current.toString(), value.toString());
    if (change) {
      current.delete(change.index, change.deleteCount);
      current.insert(change.index, change.insert);
    }
  } else if (value instanceof Y.AbstractType) {
    if (!(current instanceof Y.AbstractType) || !sameValue(current.toJSON(), value.toJSON())) shape.set(key, value.clone());
  } else if (current instanceof Y.AbstractType || !sameValue(current, value)) {
    shape.set(key, value);
  }
}

/**
 * Makes the board's shapes equal the version's: shapes absent from the version are deleted,
 * missing ones copied back, and of the others only the properties that differ are written. The
 * board map (timer, votes) is not content and stays as it is.
 */
export function restoreBoard(doc: Y.Doc, version: Y.Doc, origin: unknown = null): void {
  const target = shapesMap(doc);
  const source = shapesMap(version);
  doc.transact(() => {
    for (const id of [...target.keys()]) if (!source.has(id)) target.delete(id);
    for (const [id, value] of source.entries()) {
      const current = target.get(id);
      if (!(value instanceof Y.Map) || !(current instanceof Y.Map)) {
        if (value instanceof Y.AbstractType) target.set(id, value.clone());
        else if (!sameValue(current, value)) target.set(id, value);
        continue;
      }
      for (const key of [...current.keys()]) if (!value.has(key)) current.delete(key);
      for (const [key, stored] of value.entries()) restoreKey(current, key, stored);
    }
  }, origin);
}
