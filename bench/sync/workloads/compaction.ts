/**
 * Workload 6 (ours only, no server process): 100,000 small edits appended to our document store
 * (`server/src/storage`, SQLite in a temporary directory) one entry per update, grouped 10 per
 * append as the server groups a tick's updates; then one compaction as the server does it (load
 * snapshot + log, merge, `compact` through the last seq).
 *
 * The edits are a whiteboard session: typing and deleting in sticky notes, moving shapes (each move
 * overwrites a coordinate), adding shapes; a new Yjs client id every 1,000 edits, as each page load
 * gets one. Deterministic, so runs compare.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { seededRandom } from '../../../shared/src/seeded-random.ts';
import type { BenchConfig } from '../types.ts';
import type { DocumentStore } from '../../../server/src/storage/document-store.ts';
import { row, runErrors, valueBar, type LoadContext, type RunRecord, type Workload, type WorkloadSummary } from './workload.ts';

export interface CompactionParams {
  edits: number;
  entriesPerAppend: number;
}

export interface CompactionResult {
  edits: number;
  bytesAppended: number;
  logBytesBefore: number;
  storedBytesBefore: number;
  snapshotBytes: number;
  storedBytesAfter: number;
  dbFileBytesBefore: number;
  walBytesBefore: number;
  dbFileBytesAfter: number;
  walBytesAfter: number;
  appendMs: number;
  compactMs: number;
}

interface StoreModule {
  openDocumentStore(config: { dataDir: string }): Promise<DocumentStore>;
}

/** Size of one file of the SQLite database (the main file or its WAL), 0 when absent. */
function fileBytes(dataDir: string, name: string): number {
  try {
    return statSync(join(dataDir, name)).size;
  } catch {
    return 0;
  }
}

export const compaction: Workload<CompactionParams, CompactionResult> = {
  name: 'compaction',
  title: '6. Compaction: 100,000 small edits, then compaction (ours, storage module)',
  servers: ['ours'],
  withoutServer: true,
  repeats: () => 1,
  params: (config: BenchConfig) => ({ edits: Math.max(1000, Math.round(100_000 * config.scale)), entriesPerAppend: 10 }),
  // No server: the store is driven directly, under a name of its own.
  documents: () => [],

  async load(context: LoadContext, params: CompactionParams): Promise<CompactionResult> {
    // Loaded at run time from the repository root given by the orchestrator: the storage module
    // belongs to the server workspace, this benchmark only drives it.
    const modulePath = join(context.repoRoot, 'server', 'src', 'storage', 'open-store.ts');
    const { openDocumentStore } = (await import(pathToFileURL(modulePath).href)) as StoreModule;
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-sync-compaction-'));
    const store = await openDocumentStore({ dataDir });
    try {
      const name = 'bench.compaction';
      const doc = new Y.Doc();
      const random = seededRandom(6);
      const pending: Uint8Array[] = [];
      let bytesAppended = 0;
      let lastSeq = 0;
      doc.on('update', (update: Uint8Array) => pending.push(update));
      const flush = async () => {
        if (pending.length === 0) return;
        const seqs = await store.append(pending.map((update) => ({ name, update })));
        for (const update of pending) bytesAppended += update.length;
        lastSeq = seqs.at(-1) ?? lastSeq;
        pending.length = 0;
      };

      const shapes = doc.getMap<Y.Map<unknown>>('shapes');
      const texts: Y.Text[] = [];
      const shapeIds: string[] = [];
      const addShape = () => {
        const id = `shape-${shapeIds.length}`;
        const shape = new Y.Map<unknown>();
        shape.set('type', 'sticky');
        shape.set('x', Math.round(random() * 5000));
        shape.set('y', Math.round(random() * 5000));
        const text = new Y.Text();
        shape.set('text', text);
        shapes.set(id, shape);
        shapeIds.push(id);
        texts.push(text);
      };
      const appendStart = performance.now();
      for (let i = 0; i < 20; i++) addShape();
      await flush();
      let cursorText = 0;
      for (let edit = 0; edit < params.edits; edit++) {
        if (edit % 1000 === 0) doc.clientID = 100_000 + edit / 1000; // a new session
        const pick = random();
        if (pick < 0.6) {
          // Typing: mostly in the same note, at its end.
          if (random() < 0.02) cursorText = Math.floor(random() * texts.length);
          const text = texts[cursorText] as Y.Text;
          text.insert(text.length, String.fromCharCode(97 + Math.floor(random() * 26)));
        } else if (pick < 0.7) {
          const text = texts[cursorText] as Y.Text;
          if (text.length > 0) text.delete(text.length - 1, 1);
        } else if (pick < 0.97) {
          const shape = shapes.get(shapeIds[Math.floor(random() * shapeIds.length)] as string);
          shape?.set(random() < 0.5 ? 'x' : 'y', Math.round(random() * 5000));
        } else {
          addShape();
        }
        if (pending.length >= params.entriesPerAppend) await flush();
      }
      await flush();
      const appendMs = performance.now() - appendStart;
      const before = await store.stats(name);
      const dbFileBytesBefore = fileBytes(dataDir, 'eprouvette.db');
      const walBytesBefore = fileBytes(dataDir, 'eprouvette.db-wal');
      context.log(`appended ${params.edits} edits (${bytesAppended} bytes) in ${(appendMs / 1000).toFixed(1)} s`);

      // Compaction the way the server does it: what load() returns, merged, stored as the snapshot.
      const compactStart = performance.now();
      const stored = await store.load(name);
      const merged = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(merged, stored.snapshot);
      merged.transact(() => {
        for (const update of stored.updates) Y.applyUpdate(merged, update);
      });
      const snapshot = Y.encodeStateAsUpdate(merged);
      await store.compact(name, snapshot, stored.lastSeq || lastSeq);
      const compactMs = performance.now() - compactStart;
      const after = await store.stats(name);
      const dbFileBytesAfter = fileBytes(dataDir, 'eprouvette.db');
      const walBytesAfter = fileBytes(dataDir, 'eprouvette.db-wal');
      return {
        edits: params.edits,
        bytesAppended,
        logBytesBefore: before.logBytes,
        storedBytesBefore: before.snapshotBytes + before.logBytes,
        snapshotBytes: snapshot.length,
        storedBytesAfter: after.snapshotBytes + after.logBytes,
        dbFileBytesBefore,
        walBytesBefore,
        dbFileBytesAfter,
        walBytesAfter,
        appendMs,
        compactMs,
      };
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },

  summarize(runs: ReadonlyArray<RunRecord<CompactionResult>>, params: CompactionParams): WorkloadSummary {
    const kb = (value: number) => value / 1024;
    const storedAfterRatio = row(runs, 'stored bytes after compaction ÷ snapshot', '×', (run) => run.load.storedBytesAfter / run.load.snapshotBytes, { digits: 2 });
    const fileRatio = row(runs, 'database file (without WAL) after compaction ÷ snapshot', '×', (run) => run.load.dbFileBytesAfter / run.load.snapshotBytes, { digits: 1 });
    const metrics = [
      row(runs, 'bytes written to the log', 'KiB', (run) => kb(run.load.bytesAppended), { digits: 0 }),
      row(runs, 'stored bytes before compaction', 'KiB', (run) => kb(run.load.storedBytesBefore), { digits: 0 }),
      row(runs, 'compacted snapshot', 'KiB', (run) => kb(run.load.snapshotBytes), { digits: 0 }),
      row(runs, 'stored bytes before ÷ snapshot', '×', (run) => run.load.storedBytesBefore / run.load.snapshotBytes, { digits: 1 }),
      row(runs, 'write amplification (log bytes written ÷ snapshot)', '×', (run) => run.load.bytesAppended / run.load.snapshotBytes, { digits: 1 }),
      storedAfterRatio,
      row(runs, 'database file before compaction', 'KiB', (run) => kb(run.load.dbFileBytesBefore), { digits: 0 }),
      row(runs, 'WAL file before compaction', 'KiB', (run) => kb(run.load.walBytesBefore), { digits: 0 }),
      row(runs, 'database file after compaction', 'KiB', (run) => kb(run.load.dbFileBytesAfter), { digits: 0 }),
      row(runs, 'WAL file after compaction', 'KiB', (run) => kb(run.load.walBytesAfter), { digits: 0 }),
      fileRatio,
      row(runs, 'append time (10 entries per transaction)', 's', (run) => run.load.appendMs / 1000, { digits: 1 }),
      row(runs, 'compaction time (load + merge + compact)', 'ms', (run) => run.load.compactMs, { digits: 0 }),
    ];
    return {
      name: 'compaction',
      title: `6. Compaction: ${params.edits.toLocaleString('en-US')} small edits appended to our SQLite store, then one compaction`,
      metrics,
      bars: [
        {
          bar: '≤ 1.5 (read as: stored bytes after compaction ÷ compacted snapshot)',
          ...valueBar(storedAfterRatio.values.ours, (v) => v <= 1.5, (v) => `ours ${v.toFixed(2)}`),
        },
        {
          bar: '≤ 1.5 (read as: database file on disk, WAL aside, after compaction ÷ snapshot)',
          ...valueBar(fileRatio.values.ours, (v) => v <= 1.5, (v) => `ours ${v.toFixed(1)}`),
        },
      ],
      notes: [
        'Write amplification here counts the log only (each update written once); the snapshot write at compaction adds one snapshot.',
        ...runErrors(runs),
      ],
    };
  },
};
