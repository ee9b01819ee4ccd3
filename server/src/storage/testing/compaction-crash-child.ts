/**
 * Child process of crash-compaction.test.ts, killed with SIGKILL at random moments.
 * Usage: node --import tsx compaction-crash-child.ts <dataDir> <docName>
 *
 * Resumes the document from the store, then forever pushes the next index onto the array
 * "items", appends the update and prints `appended <index>` once the append has resolved; every
 * few appends it prints `compacting`, compacts through the last seq, and prints `compacted`.
 */
import * as Y from 'yjs';
import { openSqliteStore } from '../sqlite.ts';
import { toYDoc } from './ydoc.ts';

/** Padding makes snapshots grow, so that compactions take long enough to be interrupted. */
const PADDING = 'x'.repeat(2048);
const COMPACT_EVERY = 8;

const [dataDir, name] = process.argv.slice(2);
if (dataDir === undefined || name === undefined) {
  throw new Error('usage: compaction-crash-child.ts <dataDir> <docName>');
}

const store = await openSqliteStore(dataDir);
const doc = toYDoc(await store.load(name));
const items = doc.getArray<string>('items');
const pending: Uint8Array[] = [];
doc.on('update', (update: Uint8Array) => pending.push(update));

for (let index = items.length; ; index++) {
  items.push([`${index}:${PADDING}`]);
  const seqs = await store.append(pending.splice(0).map((update) => ({ name, update })));
  process.stdout.write(`appended ${index}\n`);
  const lastSeq = seqs.at(-1);
  if (index % COMPACT_EVERY === 0 && lastSeq !== undefined) {
    process.stdout.write('compacting\n');
    await store.compact(name, Y.encodeStateAsUpdate(doc), lastSeq);
    process.stdout.write('compacted\n');
  }
}
