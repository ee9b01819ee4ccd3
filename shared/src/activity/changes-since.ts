/**
 * « Ce qui a changé depuis ma dernière visite »: which shapes of a board were added, changed or
 * deleted since a visitor last saw it.
 *
 * A visit is remembered as a Yjs snapshot of the board as the visitor left it: its state vector
 * (how far each writer's history went) and its delete set (what was deleted by then) — a few
 * bytes to a few kilobytes, whatever the board's size. Every Yjs item carries the id (writer,
 * clock) it was created with, and keeps it on every replica, so comparing the live document's
 * items with that snapshot tells, for each shape:
 * - added: no entry of its id in the shapes map was visible then (created later, or deleted then),
 *   and one is now;
 * - deleted: one was visible then, none is now;
 * - changed: visible both times, and one of its properties (each its own Yjs item: box, colour…)
 *   was written since, or a character of its text was inserted or deleted since.
 *
 * Reads Yjs' item lists (`_map`, `_start`, `left`, `right`): the only place that knows when each
 * value was written. Deleted items keep their ids when garbage-collected (only their content
 * goes), which is all this needs. One imprecision is accepted: Yjs merges adjacent deleted text
 * runs, and a merged run is judged by its first character — a deletion right next to an older
 * one may go unnoticed (the shape is still marked when anything else in it changed).
 */
import * as Y from 'yjs';
import { shapesMap } from '../board/layout.ts';

export interface BoardChangesSince {
  added: string[];
  changed: string[];
  deleted: string[];
}

/** What to store at the end of a visit: the board's snapshot, encoded. */
export function visitSnapshot(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

/** A stored visit, or null when the bytes are not a snapshot (then there is nothing to compare with). */
export function readVisitSnapshot(bytes: Uint8Array): Y.Snapshot | null {
  try {
    return Y.decodeSnapshot(bytes);
  } catch {
    return null;
  }
}

/** The item existed and was not deleted when the snapshot was taken. */
function visibleAt(item: Y.Item, then: Y.Snapshot): boolean {
  return (then.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(then.ds, item.id);
}

/** Some of the item was created after the snapshot. */
function createdSince(item: Y.Item, then: Y.Snapshot): boolean {
  return (then.sv.get(item.id.client) ?? 0) < item.id.clock + item.length;
}

/** The item's content differs from what the snapshot saw: new and still there, or there then and gone now. */
function changedSince(item: Y.Item, then: Y.Snapshot): boolean {
  return item.deleted ? visibleAt(item, then) : createdSince(item, then);
}

/** Every value a map key has held, newest first. */
function* keyHistory(latest: Y.Item): Generator<Y.Item> {
  for (let item: Y.Item | null = latest; item !== null; item = item.left) yield item;
}

function textChanged(text: Y.Text, then: Y.Snapshot): boolean {
  for (let item = text._start; item !== null; item = item.right) if (changedSince(item, then)) return true;
  return false;
}

/** A shape visible both times: whether any of its properties or its text changed in between. */
function shapeChanged(shape: Y.Map<unknown>, then: Y.Snapshot): boolean {
  for (const latest of shape._map.values()) {
    if (changedSince(latest, then)) return true;
    const value = latest.content instanceof Y.ContentType ? latest.content.type : null;
    if (value instanceof Y.Text && !latest.deleted && textChanged(value, then)) return true;
  }
  return false;
}

/** Shapes added, changed and deleted in `doc` since the visit `then`, each list sorted by id. */
export function changesSince(doc: Y.Doc, then: Y.Snapshot): BoardChangesSince {
  const changes: BoardChangesSince = { added: [], changed: [], deleted: [] };
  for (const [id, latest] of shapesMap(doc)._map) {
    const before = [...keyHistory(latest)].find((item) => visibleAt(item, then));
    const now = latest.deleted ? null : latest;
    if (now !== null && before === undefined) changes.added.push(id);
    else if (now === null && before !== undefined) changes.deleted.push(id);
    else if (now !== null && before !== undefined) {
      const shape = now.content instanceof Y.ContentType ? now.content.type : null;
      // The id given a new value since (a restored version writes shapes anew) counts as changed.
      if (before !== now || (shape instanceof Y.Map && shapeChanged(shape, then))) changes.changed.push(id);
    }
  }
  for (const list of Object.values(changes)) list.sort();
  return changes;
}
