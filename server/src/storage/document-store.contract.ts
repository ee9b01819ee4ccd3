import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AppendEntry, DocumentStore, StoredDocument } from './document-store.ts';
import { toYDoc } from './testing/ydoc.ts';

/**
 * Behaviour every `DocumentStore` must have. `open` must return a new store on the same storage
 * each time (same file, same schema): the persistence test closes one and opens another.
 * `cleanup` runs once at the end, after the shared store is closed.
 */
export function describeDocumentStoreContract(
  name: string,
  open: () => Promise<DocumentStore>,
  cleanup?: () => Promise<void>,
): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('loads an unknown document as empty', async () => {
      const doc = docName('unknown');
      expect(await store.load(doc)).toEqual(empty());
      expect(await store.stats(doc)).toEqual({ snapshotBytes: 0, logCount: 0, logBytes: 0 });
    });

    it('returns appended updates in order, with lastSeq and logBytes', async () => {
      const doc = docName('append');
      const seqs = await store.append([
        { name: doc, update: bytes(1) },
        { name: doc, update: bytes(2, 2) },
      ]);
      const more = await store.append([{ name: doc, update: bytes(3, 3, 3) }]);

      const loaded = await store.load(doc);
      expect(loaded.snapshot).toBeNull();
      expect(plain(loaded.updates)).toEqual([[1], [2, 2], [3, 3, 3]]);
      expect(loaded.lastSeq).toBe(more[0]);
      expect(loaded.logBytes).toBe(6);
      expect(seqs).toHaveLength(2);
      expect(await store.stats(doc)).toEqual({ snapshotBytes: 0, logCount: 3, logBytes: 6 });
    });

    it('appends entries for several documents in one call', async () => {
      const [a, b, c] = [docName('multi-a'), docName('multi-b'), docName('multi-c')];
      const seqs = await store.append([
        { name: a, update: bytes(1) },
        { name: b, update: bytes(2) },
        { name: a, update: bytes(3) },
        { name: c, update: bytes(4) },
        { name: b, update: bytes(5) },
      ]);

      expect(plain((await store.load(a)).updates)).toEqual([[1], [3]]);
      expect(plain((await store.load(b)).updates)).toEqual([[2], [5]]);
      expect(plain((await store.load(c)).updates)).toEqual([[4]]);
      expect((await store.load(a)).lastSeq).toBe(seqs[2]);
      expect((await store.load(b)).lastSeq).toBe(seqs[4]);
      expect((await store.load(c)).lastSeq).toBe(seqs[3]);
    });

    it('gives strictly increasing seqs across calls, in entry order', async () => {
      const [a, b] = [docName('seq-a'), docName('seq-b')];
      const first = await store.append([
        { name: a, update: bytes(1) },
        { name: b, update: bytes(2) },
        { name: a, update: bytes(3) },
      ]);
      const second = await store.append([{ name: b, update: bytes(4) }]);
      const third = await store.append([
        { name: a, update: bytes(5) },
        { name: a, update: bytes(6) },
      ]);

      const all = [...first, ...second, ...third];
      expect(all).toHaveLength(6);
      for (const seq of all) expect(Number.isSafeInteger(seq) && seq > 0).toBe(true);
      expect(isStrictlyIncreasing(all)).toBe(true);
      expect(await store.append([])).toEqual([]);
    });

    it('keeps documents isolated, including similar names', async () => {
      const base = docName('iso');
      const names = [base, `${base}%`, `${base}_x`, base.toUpperCase(), `${base} `];
      const seqs = await store.append(names.map((doc, index) => ({ name: doc, update: bytes(index) })));
      await store.compact(base, bytes(42), at(seqs, 0));

      expect(await store.load(base)).toMatchObject({ updates: [], lastSeq: seqs[0] });
      for (const [index, doc] of names.entries()) {
        if (index === 0) continue;
        const loaded = await store.load(doc);
        expect(loaded.snapshot).toBeNull();
        expect(plain(loaded.updates)).toEqual([[index]]);
      }
    });

    it('compacts: snapshot plus only the later entries, and stats follow', async () => {
      const doc = docName('compact');
      const seqs = await store.append([1, 2, 3, 4].map((value) => ({ name: doc, update: bytes(value) })));
      await store.compact(doc, bytes(9, 9, 9, 9, 9), at(seqs, 1));

      const loaded = await store.load(doc);
      expect(plain([loaded.snapshot ?? bytes()])).toEqual([[9, 9, 9, 9, 9]]);
      expect(plain(loaded.updates)).toEqual([[3], [4]]);
      expect(loaded.lastSeq).toBe(at(seqs, 3));
      expect(loaded.logBytes).toBe(2);
      expect(await store.stats(doc)).toEqual({ snapshotBytes: 5, logCount: 2, logBytes: 2 });
    });

    it('deletes every document under a prefix, and only those', async () => {
      const [gone, alsoGone, kept] = [docName('del.a'), docName('del.b'), docName('dek.a')];
      const prefix = gone.slice(0, gone.indexOf('del.') + 4);
      const seqs = await store.append([gone, alsoGone, kept].map((name) => ({ name, update: bytes(1) })));
      await store.compact(gone, bytes(7), at(seqs, 0));
      await store.deleteWithPrefix(prefix);
      expect(await store.load(gone)).toEqual(empty());
      expect(await store.load(alsoGone)).toEqual(empty());
      expect(plain((await store.load(kept)).updates)).toEqual([[1]]);
      await expect(store.deleteWithPrefix('')).rejects.toThrow(/prefix/);
      await expect(store.deleteWithPrefix('ami-%')).rejects.toThrow(/prefix/);
    });

    it('keeps entries appended after an older throughSeq', async () => {
      const doc = docName('older');
      const [early = 0] = await store.append([{ name: doc, update: bytes(1) }]);
      // Appended while the caller was encoding a snapshot that only covers `early`.
      const [late] = await store.append([{ name: doc, update: bytes(2) }]);
      await store.compact(doc, bytes(7), early);

      const loaded = await store.load(doc);
      expect(plain(loaded.updates)).toEqual([[2]]);
      expect(loaded.lastSeq).toBe(late);
    });

    it('supports appends and a second compaction after a compaction', async () => {
      const doc = docName('again');
      const [first = 0] = await store.append([{ name: doc, update: bytes(1) }]);
      await store.compact(doc, bytes(10), first);
      const later = await store.append([
        { name: doc, update: bytes(2) },
        { name: doc, update: bytes(3) },
      ]);
      expect(at(later, 0)).toBeGreaterThan(first);
      expect(plain((await store.load(doc)).updates)).toEqual([[2], [3]]);

      await store.compact(doc, bytes(20, 20), at(later, 1));
      const loaded = await store.load(doc);
      expect(loaded).toMatchObject({ updates: [], lastSeq: at(later, 1), logBytes: 0 });
      expect(plain([loaded.snapshot ?? bytes()])).toEqual([[20, 20]]);
      expect(await store.stats(doc)).toEqual({ snapshotBytes: 2, logCount: 0, logBytes: 0 });

      const [next] = await store.append([{ name: doc, update: bytes(4) }]);
      expect(next).toBeGreaterThan(at(later, 1));
    });

    it('refuses a compaction older than the stored snapshot', async () => {
      const doc = docName('stale');
      const seqs = await store.append([1, 2, 3].map((value) => ({ name: doc, update: bytes(value) })));
      await store.compact(doc, bytes(30), at(seqs, 2));
      const before = await store.load(doc);

      await expect(store.compact(doc, bytes(10), at(seqs, 0))).rejects.toThrow(/stale compaction/);
      expect(await store.load(doc)).toEqual(before);
    });

    it('persists across close and reopen', async () => {
      const doc = docName('persist');
      const first = await open();
      const seqs = await first.append([
        { name: doc, update: bytes(1) },
        { name: doc, update: bytes(2) },
      ]);
      await first.compact(doc, bytes(5), at(seqs, 0));
      await first.close();

      const second = await open();
      try {
        const loaded = await second.load(doc);
        expect(plain([loaded.snapshot ?? bytes()])).toEqual([[5]]);
        expect(plain(loaded.updates)).toEqual([[2]]);
        expect(loaded.lastSeq).toBe(at(seqs, 1));
        const [next] = await second.append([{ name: doc, update: bytes(3) }]);
        expect(next).toBeGreaterThan(at(seqs, 1));
      } finally {
        await second.close();
      }
    });

    it('stores nothing from an append whose transaction fails', async () => {
      const [a, b] = [docName('atomic-a'), docName('atomic-b')];
      // The null name only fails at the NOT NULL constraint, after the earlier rows were inserted.
      const withNullName = [
        { name: a, update: bytes(1) },
        { name: b, update: bytes(2) },
        { name: null, update: bytes(3) },
      ] as unknown as AppendEntry[];
      await expect(store.append(withNullName)).rejects.toThrow(/append/);

      const withBadBytes = [
        { name: a, update: bytes(1) },
        { name: b, update: 'not bytes' },
      ] as unknown as AppendEntry[];
      await expect(store.append(withBadBytes)).rejects.toThrow(/Uint8Array/);

      expect(await store.load(a)).toEqual(empty());
      expect(await store.load(b)).toEqual(empty());
      // The store is still usable afterwards.
      expect(await store.append([{ name: a, update: bytes(4) }])).toHaveLength(1);
    });

    it('round-trips a real Yjs document through log and snapshot', async () => {
      const doc = docName('yjs');
      const source = new Y.Doc();
      const recorded: Uint8Array[] = [];
      source.on('update', (update: Uint8Array) => recorded.push(update));
      source.getText('title').insert(0, 'Éprouvette');
      source.getArray<number>('cards').push([1, 2, 3]);
      source.getMap('meta').set('owner', 'ami');

      const early = recorded.splice(0);
      const earlySeqs = await store.append(early.map((update) => ({ name: doc, update })));
      await store.compact(doc, Y.mergeUpdates(early), at(earlySeqs, earlySeqs.length - 1));

      source.getText('title').insert(0, '🧪 ');
      source.getArray<number>('cards').delete(0, 1);
      source.getMap('meta').set('round', 2);
      await store.append(recorded.map((update) => ({ name: doc, update })));

      const copy = toYDoc(await store.load(doc));
      expect(copy.getText('title').toString()).toBe('🧪 Éprouvette');
      expect(copy.getArray('cards').toJSON()).toEqual([2, 3]);
      expect(copy.getMap('meta').toJSON()).toEqual({ owner: 'ami', round: 2 });
      expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(source));
    });

    it('round-trips a 5 MB update and snapshot byte-exact', async () => {
      const doc = docName('big');
      const big = new Uint8Array(randomBytes(5 * 1024 * 1024));
      const [seq = 0] = await store.append([{ name: doc, update: big }]);
      const loaded = await store.load(doc);
      expect(loaded.logBytes).toBe(big.byteLength);
      expect(sameBytes(at(loaded.updates, 0), big)).toBe(true);

      await store.compact(doc, big, seq);
      expect(sameBytes((await store.load(doc)).snapshot ?? bytes(), big)).toBe(true);
    });

    it('returns bytes that later calls do not overwrite', async () => {
      const doc = docName('copies');
      const input = bytes(1, 2, 3);
      await store.append([{ name: doc, update: input }]);
      input.fill(0);
      const first = await store.load(doc);
      await store.append([{ name: doc, update: bytes(7, 7, 7) }]);
      await store.load(doc);
      expect(plain(first.updates)).toEqual([[1, 2, 3]]);
    });

    it('lands concurrent appends with distinct seqs', async () => {
      const doc = docName('concurrent');
      const calls = Array.from({ length: 20 }, (_, call) =>
        store.append([0, 1, 2].map((index) => ({ name: doc, update: bytes(call, index) }))),
      );
      const results = await Promise.all(calls);

      const all = results.flat();
      expect(new Set(all).size).toBe(60);
      for (const seqs of results) expect(isStrictlyIncreasing(seqs)).toBe(true);
      const loaded = await store.load(doc);
      expect(loaded.updates).toHaveLength(60);
      expect(loaded.lastSeq).toBe(Math.max(...all));
      // Log order is seq order: sorting the seqs reproduces the loaded sequence.
      const bySeq = results
        .flatMap((seqs, call) => seqs.map((seq, index) => ({ seq, bytes: [call, index] })))
        .sort((x, y) => x.seq - y.seq)
        .map((entry) => entry.bytes);
      expect(plain(loaded.updates)).toEqual(bySeq);
    });
  });
}

/** Unique per run, so stores on persistent storage can run the contract again. */
function docName(label: string): string {
  return `contract-${label}-${randomUUID()}`;
}

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

function plain(updates: readonly Uint8Array[]): number[][] {
  return updates.map((update) => Array.from(update));
}

function empty(): StoredDocument {
  return { snapshot: null, updates: [], lastSeq: 0, logBytes: 0 };
}

function at<T>(values: readonly T[], index: number): T {
  const value = values[index];
  if (value === undefined) throw new Error(`no value at index ${index}`);
  return value;
}

function isStrictlyIncreasing(values: readonly number[]): boolean {
  return values.every((value, index) => index === 0 || value > at(values, index - 1));
}

/** Compares without handing vitest two 5 MB arrays to diff. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}
