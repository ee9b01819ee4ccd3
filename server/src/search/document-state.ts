/**
 * A document's state for indexing, without opening it: indexing must not load rooms (at start it
 * reads every document once; a room costs memory and an unload with compaction later).
 */
import * as Y from 'yjs';
import type { DocumentStore } from '../storage/document-store.ts';
import type { RoomRegistry } from '../sync/registry.ts';

/**
 * The open room's state when the document is open (what its clients see, including a change still
 * being written), else the stored copy — complete, since a room unloads only once its writes are
 * done.
 */
export async function indexedState(registry: RoomRegistry, store: DocumentStore, name: string): Promise<Uint8Array> {
  const room = registry.loadedRooms().find((candidate) => candidate.name === name);
  if (room !== undefined) return Y.encodeStateAsUpdate(room.doc);
  const stored = await store.load(name);
  return Y.mergeUpdates(stored.snapshot === null ? stored.updates : [stored.snapshot, ...stored.updates]);
}
