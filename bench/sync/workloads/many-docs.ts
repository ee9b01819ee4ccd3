/**
 * Workload 5: 2,000 documents × 2 clients, each document given one small edit, then everyone
 * leaves. RSS is read before (baseline), while open, and after the unload delay; a second reading
 * after a forced full GC in the server tells memory still referenced (documents kept loaded) from
 * garbage not yet collected.
 */
import * as Y from 'yjs';
import type { BenchConfig, Endpoint } from '../types.ts';
import { SyncClient, closeAll, connectMany } from '../load/client.ts';
import { MB, findMark, medianOf, row, runErrors, sleep, valueBar, type LoadContext, type RunRecord, type Workload, type WorkloadSummary } from './workload.ts';

export interface ManyDocsParams {
  documents: number;
  clientsPerDocument: number;
  /** How long to wait after everyone left: our unload delay plus a margin. */
  afterLeaveMs: number;
}

export interface ManyDocsResult {
  documents: number;
  connected: number;
  connectMs: number;
  /** Ours only: documents in memory per its health endpoint, while open and after the delay. */
  loadedWhileOpen: number | null;
  loadedAfter: number | null;
}

/** Our server tells how many documents it holds (GET /api/health); the peers have no such thing. */
async function documentsLoaded(endpoint: Endpoint): Promise<number | null> {
  if (endpoint.kind !== 'ours') return null;
  const url = new URL(endpoint.url.replace(/^ws/, 'http'));
  url.pathname = '/api/health';
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { documents?: unknown };
    return typeof body.documents === 'number' ? body.documents : null;
  } catch {
    return null;
  }
}

const WARMUP_DOCUMENT = 'bench.many.warmup';
const documentAt = (index: number) => `bench.many.${index}`;

export const manyDocs: Workload<ManyDocsParams, ManyDocsResult> = {
  name: 'many-docs',
  title: '5. Many documents: 2,000 documents × 2 clients, then all leave',
  servers: ['ours', 'reference', 'hocuspocus'],
  repeats: () => 1,
  params: (config: BenchConfig) => ({
    documents: Math.max(2, Math.round(2000 * config.scale)),
    clientsPerDocument: 2,
    afterLeaveMs: config.unloadDelayMs + 3000,
  }),

  documents: (params: ManyDocsParams) => [WARMUP_DOCUMENT, ...Array.from({ length: params.documents }, (_, index) => documentAt(index))],

  async load(context: LoadContext, params: ManyDocsParams): Promise<ManyDocsResult> {
    const endpoint = context.endpoint;
    if (!endpoint) throw new Error('many-docs needs a server');
    // Warm-up: one document opened, edited and left, so that code loaded lazily on the first
    // connection (and kept for the life of the process) is in the baseline, not counted as a leak.
    const warm = new Y.Doc();
    const warmClients = [new SyncClient({ endpoint, docName: WARMUP_DOCUMENT, doc: warm }), new SyncClient({ endpoint, docName: WARMUP_DOCUMENT })];
    await Promise.all(warmClients.map((client) => client.synced));
    warm.on('update', (update: Uint8Array) => warmClients[0]?.sendUpdate(update));
    warm.getMap('m').set('title', 'warm-up');
    await sleep(500);
    await closeAll(warmClients);
    await sleep(params.afterLeaveMs);
    await context.mark('baseline');
    await context.mark('baseline-gc', { gc: true });

    const total = params.documents * params.clientsPerDocument;
    const docs: Y.Doc[] = [];
    const connectStart = performance.now();
    const clients = await connectMany({
      count: total,
      concurrency: 100,
      timeoutMs: 300_000,
      make: (index) => {
        const documentIndex = Math.floor(index / params.clientsPerDocument);
        const first = index % params.clientsPerDocument === 0;
        const doc = first ? new Y.Doc() : undefined;
        if (doc) docs[documentIndex] = doc;
        return new SyncClient({ endpoint, docName: documentAt(documentIndex), ...(doc ? { doc } : {}) });
      },
    });
    const connectMs = performance.now() - connectStart;
    // One small edit per document, as a board that was opened and touched.
    docs.forEach((doc, documentIndex) => {
      const client = clients[documentIndex * params.clientsPerDocument];
      doc.on('update', (update: Uint8Array) => client?.sendUpdate(update));
      doc.getMap('m').set('title', `Board ${documentIndex}`);
    });
    await sleep(2000);
    const connected = clients.filter((client) => client.isOpen).length;
    const loadedWhileOpen = await documentsLoaded(endpoint);
    await context.mark('open');

    await closeAll(clients);
    await context.mark('left');
    await sleep(params.afterLeaveMs);
    const loadedAfter = await documentsLoaded(endpoint);
    await context.mark('after-unload-delay');
    await context.mark('after-gc', { gc: true });
    return { documents: params.documents, connected, connectMs, loadedWhileOpen, loadedAfter };
  },

  summarize(runs: ReadonlyArray<RunRecord<ManyDocsResult>>, params: ManyDocsParams): WorkloadSummary {
    const rss = (name: string) => (run: RunRecord<ManyDocsResult>) => (findMark(run, name)?.rssBytes ?? Number.NaN) / MB;
    const heap = (name: string) => (run: RunRecord<ManyDocsResult>) => (findMark(run, name)?.probe?.memory.heapUsed ?? Number.NaN) / MB;
    const baseline = row(runs, 'RSS baseline (after one document opened and left)', 'MB', rss('baseline'), { digits: 0 });
    const after = row(runs, 'RSS after the unload delay', 'MB', rss('after-unload-delay'), { digits: 0 });
    const heapBaseline = row(runs, 'heap used baseline (after forced GC)', 'MB', heap('baseline-gc'), { digits: 1 });
    const heapAfter = row(runs, 'heap used after leaving (after forced GC)', 'MB', heap('after-gc'), { digits: 1 });
    const metrics = [
      baseline,
      row(runs, 'RSS while open', 'MB', rss('open'), { ratio: true, digits: 0 }),
      after,
      row(runs, 'RSS after a forced GC', 'MB', rss('after-gc'), { ratio: true, digits: 0 }),
      heapBaseline,
      row(runs, 'heap used while open', 'MB', heap('open'), { ratio: true, digits: 1 }),
      heapAfter,
      row(runs, 'peak RSS (VmHWM)', 'MB', (run) => (run.marks.at(-1)?.hwmBytes ?? Number.NaN) / MB, { ratio: true, digits: 0 }),
      row(runs, 'sockets open at the "open" mark', '', (run) => run.load.connected, { digits: 0 }),
      row(runs, 'documents in memory while open (ours: /api/health)', '', (run) => run.load.loadedWhileOpen, { digits: 0 }),
      row(runs, 'documents in memory after the delay (ours: /api/health)', '', (run) => run.load.loadedAfter, { digits: 0 }),
      row(runs, 'time to connect and sync all', 's', (run) => run.load.connectMs / 1000, { ratio: true, digits: 1 }),
    ];
    const ratio = (a: number | null | undefined, b: number | null | undefined) =>
      typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : null;
    const rssRatio = ratio(after.values.ours, baseline.values.ours);
    const perDocumentKiB = (server: 'ours' | 'reference' | 'hocuspocus') => {
      const before = heapBaseline.values[server];
      const left = heapAfter.values[server];
      return typeof before === 'number' && typeof left === 'number' ? (((left - before) * 1024) / params.documents).toFixed(1) : '—';
    };
    const heapRatio = ratio(heapAfter.values.ours, heapBaseline.values.ours);
    return {
      name: 'many-docs',
      title: `5. Many documents: ${params.documents} documents × ${params.clientsPerDocument} clients, then all leave (RSS read ${params.afterLeaveMs} ms after)`,
      metrics,
      bars: [
        {
          bar: 'memory returns to baseline ± 10 % (RSS, no forced GC)',
          ...valueBar(rssRatio, (v) => v <= 1.1, (v) => `ours RSS after ÷ baseline = ${v.toFixed(2)}`),
        },
        {
          bar: 'no document stays loaded (health endpoint)',
          ...valueBar(
            medianOf(runs, 'ours', (run) => run.load.loadedAfter),
            (v) => v === 0,
            (v) => `ours reports ${v} document(s) in memory ${params.afterLeaveMs} ms after the last client left`,
          ),
        },
        {
          // Not a bar: the heap also grows with code and caches warmed by 4,000 connections, which
          // is why Hocuspocus, which unloads every document, shows the same growth as ours.
          bar: 'heap after a forced GC ÷ baseline',
          info: true,
          ...valueBar(heapRatio, (v) => v <= 1.1, (v) => `ours ${v.toFixed(2)}; per document opened: ours ${perDocumentKiB('ours')}, reference ${perDocumentKiB('reference')}, Hocuspocus ${perDocumentKiB('hocuspocus')} KiB left in the heap`),
        },
      ],
      notes: [
        'Reference server: with no persistence configured (its default) it never unloads a document; Hocuspocus (no extensions, unloadImmediately) unloads a document as soon as its last connection closes; ours after EPROUVETTE_UNLOAD_DELAY_MS.',
        ...runErrors(runs),
      ],
    };
  },
};
