import type { Translate } from '../../i18n/index.ts';
import type { ShapeLookup } from '../engine/geometry/shape-geometry.ts';
import type { Shape } from '../engine/shape-model.ts';
import { shapePhrase, type NameLookup } from './shape-description.ts';

/**
 * Others' changes as polite sentences for a live region: collected between announcements, then
 * said in one go (« Nadia Benali a ajouté un post-it « Capteurs de fuite ». », « 3 éléments
 * modifiés par d’autres participants. »). Pure: the timer lives in `announcement-queue.ts`.
 */

/** At most one announcement this often: a screen reader cut off every second is worse than none. */
export const MIN_INTERVAL_MS = 2_000;
/** A peer's gesture may arrive as a burst of transactions: wait this long to say it once. */
export const SETTLE_MS = 500;
/** Someone typing in a note changes it on every key: it is said once, then again after this silence. */
export const QUIET_REPEAT_MS = 10_000;

export interface PendingChanges {
  readonly added: ReadonlySet<string>;
  readonly modified: ReadonlySet<string>;
  /** Deleted shapes as last seen, since they can no longer be looked up. */
  readonly removed: ReadonlyMap<string, Shape>;
}

export const NO_CHANGES: PendingChanges = { added: new Set(), modified: new Set(), removed: new Map() };

export interface LastAnnouncement {
  readonly at: number;
  readonly modified: ReadonlySet<string>;
}

export function hasChanges(pending: PendingChanges): boolean {
  return pending.added.size + pending.modified.size + pending.removed.size > 0;
}

/**
 * Adds one remote change set to what is waiting. `known` is the board as it was before the change:
 * it tells a new shape from a changed one and keeps what a deleted shape was. A shape added then
 * deleted before being announced is not worth a word.
 */
export function recordRemoteChanges(pending: PendingChanges, known: ReadonlyMap<string, Shape>, changed: readonly string[], deleted: readonly string[]): PendingChanges {
  const added = new Set(pending.added);
  const modified = new Set(pending.modified);
  const removed = new Map(pending.removed);
  for (const id of changed) {
    if (added.has(id)) continue;
    // Deleted then restored (an undo) reads as a change, not as a new shape.
    if (removed.delete(id) || known.has(id)) modified.add(id);
    else added.add(id);
  }
  for (const id of deleted) {
    modified.delete(id);
    if (added.delete(id)) continue;
    const shape = known.get(id);
    if (shape !== undefined) removed.set(id, shape);
  }
  return { added, modified, removed };
}

/** Content moved or deleted with its frame is part of that frame's change, not news of its own. */
function carriedByFrame(shape: Shape, touched: ReadonlySet<string>, lookup: ShapeLookup): boolean {
  const seen = new Set<string>();
  for (let parent = shape.parent; parent !== null && !seen.has(parent); parent = lookup(parent)?.parent ?? null) {
    if (touched.has(parent)) return true;
    seen.add(parent);
  }
  return false;
}

function addedSentence(shapes: readonly Shape[], lookup: ShapeLookup, t: Translate, names: NameLookup | undefined): string | null {
  const [first] = shapes;
  if (first === undefined) return null;
  const authors = new Set(shapes.map((shape) => shape.author));
  const name = authors.size === 1 ? names?.(first.author) : undefined;
  if (shapes.length === 1) return t('a11y.announce.added', { name: name ?? t('a11y.announce.someone'), shape: shapePhrase(first, lookup, t) });
  return name === undefined ? t('a11y.announce.addedMany', { count: shapes.length }) : t('a11y.announce.addedManyBy', { count: shapes.length, name });
}

function countedSentence(shapes: readonly Shape[], lookup: ShapeLookup, t: Translate, kind: 'modified' | 'removed'): string | null {
  const [first] = shapes;
  if (first === undefined) return null;
  if (shapes.length === 1) return t(`a11y.announce.${kind}`, { shape: shapePhrase(first, lookup, t) });
  return t(`a11y.announce.${kind}Many`, { count: shapes.length });
}

/**
 * The sentences for what is waiting, or null when nothing is left to say. Added and changed shapes
 * are read as they are now (a note added then typed into is announced with its text).
 */
export function announcementFor(pending: PendingChanges, lookup: ShapeLookup, t: Translate, names?: NameLookup): string | null {
  const find: ShapeLookup = (id) => lookup(id) ?? pending.removed.get(id);
  const current = (ids: ReadonlySet<string>) => [...ids].flatMap((id) => lookup(id) ?? []);
  const added = current(pending.added);
  const touched = new Set([...pending.added, ...pending.modified]);
  const changed = current(pending.modified).filter((shape) => !carriedByFrame(shape, touched, find));
  const removedIds = new Set(pending.removed.keys());
  const removed = [...pending.removed.values()].filter((shape) => !carriedByFrame(shape, removedIds, find));
  // Moving or deleting a shape re-routes the arrows glued to it: they are news only on their own.
  const shapesChanged = changed.filter((shape) => shape.type !== 'connector');
  const modified = shapesChanged.length > 0 || added.length > 0 || removed.length > 0 ? shapesChanged : changed;
  const sentences = [addedSentence(added, find, t, names), countedSentence(modified, find, t, 'modified'), countedSentence(removed, find, t, 'removed')];
  const said = sentences.filter((sentence) => sentence !== null);
  return said.length === 0 ? null : said.join(' ');
}

/** How long to wait before announcing: a moment for the burst to settle, and the minimum interval. */
export function announcementDelay(now: number, lastAnnouncedAt: number): number {
  return Math.max(SETTLE_MS, lastAnnouncedAt + MIN_INTERVAL_MS - now);
}

/** Only further changes to the shapes just announced as changed, soon after: said already. */
export function isQuietRepeat(pending: PendingChanges, last: LastAnnouncement | null, now: number): boolean {
  if (last === null || now - last.at >= QUIET_REPEAT_MS || pending.added.size > 0 || pending.removed.size > 0) return false;
  return [...pending.modified].every((id) => last.modified.has(id));
}
