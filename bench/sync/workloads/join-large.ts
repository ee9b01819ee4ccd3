/**
 * Workload 4: 150 clients join at once a document whose state is 20 MB. The document is filled
 * through the protocol by one client (a board of shapes with text, sent as ~0.5 MB updates), which
 * stays connected so that every server serves it from memory. Then all joiners open their sockets at
 * the same moment; time to synced = socket created → SyncStep2 received in full.
 */
import * as Y from 'yjs';
import { seededRandom } from '../../../shared/src/seeded-random.ts';
import type { BenchConfig } from '../types.ts';
import { SyncClient, closeAll } from '../load/client.ts';
import { distribution, type Distribution } from '../stats.ts';
import {
  MB,
  interval,
  ratioBar,
  row,
  runErrors,
  sleep,
  valueBar,
  type LoadContext,
  type RunRecord,
  type Workload,
  type WorkloadSummary,
} from './workload.ts';

export interface JoinLargeParams {
  joiners: number;
  stateBytes: number;
  joinTimeoutMs: number;
}

export interface JoinLargeResult {
  joiners: number;
  stateBytes: number;
  step2Bytes: number;
  fillMs: number;
  timeToSynced: Distribution;
  failed: number;
}

const WORDS = 'essai tube projet région dossier budget note atelier idée partenaire calendrier jalon risque équipe livrable'.split(' ');

const DOCUMENT = 'bench.join-large';

export const joinLarge: Workload<JoinLargeParams, JoinLargeResult> = {
  name: 'join-large',
  title: '4. Join a large document: 150 clients join a 20 MB document',
  servers: ['ours', 'reference', 'hocuspocus', 'floor'],
  measured: ['filled', 'joined'],
  repeats: () => 1,
  params: (config: BenchConfig) => ({
    joiners: Math.max(2, Math.round(150 * config.scale)),
    stateBytes: Math.round(20 * MB * Math.min(1, config.scale)),
    joinTimeoutMs: 180_000,
  }),

  documents: () => [DOCUMENT],
  async load(context: LoadContext, params: JoinLargeParams): Promise<JoinLargeResult> {
    const endpoint = context.endpoint;
    if (!endpoint) throw new Error('join-large needs a server');
    const docName = DOCUMENT;
    await context.mark('start');

    // Fill: shapes of ~500 bytes each, 1,000 per transaction (one update of ~0.5 MB).
    const fillStart = performance.now();
    const doc = new Y.Doc();
    const random = seededRandom(20);
    const filler = new SyncClient({ endpoint, docName, doc, timeoutMs: 60_000 });
    await filler.synced;
    doc.on('update', (update: Uint8Array) => filler.sendUpdate(update));
    const shapes = doc.getMap<Y.Map<unknown>>('shapes');
    let bytes = 0;
    let id = 0;
    for (let batch = 0; batch < 10_000 && bytes < params.stateBytes; batch++) {
      doc.transact(() => {
        for (let i = 0; i < 1000; i++, id++) {
          const shape = new Y.Map<unknown>();
          shape.set('type', random() < 0.5 ? 'sticky' : 'rect');
          shape.set('x', Math.round(random() * 10_000));
          shape.set('y', Math.round(random() * 10_000));
          shape.set('w', 120 + Math.round(random() * 200));
          shape.set('h', 80 + Math.round(random() * 200));
          shape.set('color', `#${Math.floor(random() * 0xffffff).toString(16).padStart(6, '0')}`);
          const text = new Y.Text();
          const words: string[] = [];
          for (let w = 0; w < 40; w++) words.push(WORDS[Math.floor(random() * WORDS.length)] ?? '');
          text.insert(0, words.join(' '));
          shape.set('text', text);
          shapes.set(`shape-${id}`, shape);
        }
      });
      // Back-pressure: never queue more than a few MB in the socket.
      for (let wait = 0; wait < 2000 && filler.bufferedAmount > 4 * MB; wait++) await sleep(5);
      if (batch % 5 === 4) bytes = Y.encodeStateAsUpdate(doc).length;
    }
    const stateBytes = Y.encodeStateAsUpdate(doc).length;

    // The server has it all when a fresh client's SyncStep2 is (about) as large as our state.
    let step2Bytes = 0;
    for (let attempt = 0; attempt < 60 && step2Bytes < stateBytes * 0.98; attempt++) {
      const checker = new SyncClient({ endpoint, docName, timeoutMs: 60_000, onSyncStep2: (update) => (step2Bytes = update.length) });
      await checker.synced.catch(() => undefined);
      await checker.close();
      if (step2Bytes < stateBytes * 0.98) await sleep(500);
    }
    if (step2Bytes < stateBytes * 0.98) throw new Error(`the server holds ${step2Bytes} of ${stateBytes} bytes after filling`);
    const fillMs = performance.now() - fillStart;
    context.log(`document filled: ${(stateBytes / MB).toFixed(1)} MB in ${(fillMs / 1000).toFixed(1)} s`);
    await sleep(1000);
    await context.mark('filled');

    // Everyone at once: the socket is created now, the clock runs until the full SyncStep2 is read.
    const joiners = Array.from({ length: params.joiners }, () => new SyncClient({ endpoint, docName, timeoutMs: params.joinTimeoutMs }));
    const outcomes = await Promise.all(joiners.map((client) => client.synced.then((at) => at - client.startedAt, () => null)));
    await context.mark('joined');
    const times = outcomes.filter((value): value is number => value !== null);
    const result: JoinLargeResult = {
      joiners: params.joiners,
      stateBytes,
      step2Bytes,
      fillMs,
      timeToSynced: distribution(times),
      failed: outcomes.length - times.length,
    };
    await closeAll([...joiners, filler]);
    return result;
  },

  summarize(runs: ReadonlyArray<RunRecord<JoinLargeResult>>, params: JoinLargeParams): WorkloadSummary {
    const joining = (run: RunRecord<JoinLargeResult>) => interval(run, 'filled', 'joined');
    const p99 = row(runs, 'p99 time to synced', 'ms', (run) => run.load.timeToSynced.p99, { ratio: true, digits: 0 });
    const metrics = [
      row(runs, 'p50 time to synced', 'ms', (run) => run.load.timeToSynced.p50, { ratio: true, digits: 0 }),
      p99,
      row(runs, 'peak RSS while joining', 'MB', (run) => (joining(run)?.maxRssBytes ?? Number.NaN) / MB, { ratio: true, digits: 0 }),
      row(runs, 'peak RSS (VmHWM, whole run)', 'MB', (run) => (run.marks.at(-1)?.hwmBytes ?? Number.NaN) / MB, { ratio: true, digits: 0 }),
      row(runs, 'RSS before the joins', 'MB', (run) => (run.marks.find((m) => m.name === 'filled')?.rssBytes ?? Number.NaN) / MB, { digits: 0 }),
      row(runs, 'server CPU while joining', 'ms', (run) => joining(run)?.cpuMs, { ratio: true, digits: 0 }),
      row(runs, 'max event-loop delay while joining', 'ms', (run) => joining(run)?.loopMaxMs, { digits: 0 }),
      row(runs, 'load generator CPU while joining', '% of a core', (run) => joining(run)?.loadCpuPercent, { digits: 0 }),
      row(runs, 'rest of the machine CPU (noise)', '% of a core', (run) => joining(run)?.otherCpuPercent, { digits: 0 }),
      row(runs, 'joiners that failed', '', (run) => run.load.failed, { digits: 0 }),
      row(runs, 'document state', 'MB', (run) => run.load.stateBytes / MB, { digits: 1 }),
      row(runs, 'fill time (through the protocol)', 's', (run) => run.load.fillMs / 1000, { digits: 1 }),
    ];
    return {
      name: 'join-large',
      title: `4. Join a large document: ${params.joiners} clients join at once a ${(params.stateBytes / MB).toFixed(0)} MB document`,
      metrics,
      bars: [{ bar: 'p99 ≤ 5 s', ...valueBar(p99.values.ours, (v) => v <= 5000, (v) => `ours p99 ${(v / 1000).toFixed(2)} s`) }, { bar: 'p99 against the peers', ...ratioBar(p99, 1), info: true }],
      notes: [
        'The floor here encodes the state once and sends the same bytes to every joiner: what is left is the cost of moving 150 × 20 MB through loopback sockets into one load-generator process. A server at the floor is limited by the receiving side, not by itself.',
        ...runErrors(runs),
      ],
    };
  },
};
