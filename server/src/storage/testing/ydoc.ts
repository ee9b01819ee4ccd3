import * as Y from 'yjs';
import type { StoredDocument } from '../document-store.ts';

/** What the sync server will do on load: snapshot first, then the log in order. */
export function toYDoc(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}
