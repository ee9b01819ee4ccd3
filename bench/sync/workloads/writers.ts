/**
 * Workload 2: 200 writers on one document, 2 updates/s each (400 updates/s in all), every writer
 * also an observer of the 199 others. Each writer sets its own key (`map.set('w<k>', i)`), like
 * people moving their own shapes, so that its updates stay valid without applying anyone else's
 * (the clients stay light). Writers are spread evenly over each 500 ms period.
 */
import * as Y from 'yjs';
import type { BenchConfig, HocuspocusClient } from '../types.ts';
import { closeAll, connectMany } from '../load/client.ts';
import { makeWriter, usesProvider, type Writer } from '../load/roles.ts';
import { providerNote } from './fanout.ts';
import { SampleBuffer, distribution, type Distribution } from '../stats.ts';
import {
  MB,
  interval,
  paced,
  ratioBar,
  row,
  runErrors,
  sleep,
  valueBar,
  steadyPhases,
  type LoadContext,
  type SteadyPhases,
  type RunRecord,
  type Workload,
  type WorkloadSummary,
} from './workload.ts';

export interface WritersParams extends SteadyPhases {
  writers: number;
  ratePerWriter: number;
  hocuspocusClient: HocuspocusClient;
}

export interface WritersResult {
  writers: number;
  updates: number;
  latency: Distribution;
  delivered: number;
  client: 'raw' | 'provider';
}

/** Writer k has Yjs client id BASE_ID + k, so a receiver maps a clock range back to its writer. */
const BASE_ID = 7_000_000;

const DOCUMENT = 'bench.writers';

export const writers: Workload<WritersParams, WritersResult> = {
  name: 'writers',
  title: '2. Writers: 200 writers on one document, 2 updates/s each',
  servers: ['ours', 'reference', 'hocuspocus', 'floor'],
  measured: ['steady-start', 'steady-end'],
  repeats: (config) => config.repeats,
  params: (config: BenchConfig) => ({
    writers: Math.max(2, Math.round(200 * config.scale)),
    ratePerWriter: 2,
    ...steadyPhases(config),
    hocuspocusClient: config.hocuspocusClient,
  }),

  documents: () => [DOCUMENT],
  async load(context: LoadContext, params: WritersParams): Promise<WritersResult> {
    const endpoint = context.endpoint;
    if (!endpoint) throw new Error('writers needs a server');
    const count = params.writers;
    const docName = DOCUMENT;
    await context.mark('start');

    // lastSeen[receiver * count + writer] = highest clock of that writer the receiver got.
    const lastSeen = new Int32Array(count * count).fill(-1);
    const sendTimes: number[][] = Array.from({ length: count }, () => []);
    const windowStart = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
    const windowEnd = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
    const samples = new SampleBuffer(count * (count - 1) * params.ratePerWriter * Math.ceil(params.steadyMs / 1000 + 1));
    const roleOptions = { endpoint, repoRoot: context.repoRoot, docName, hocuspocusClient: params.hocuspocusClient };
    const onUpdateFor = (receiver: number) => (update: Uint8Array, at: number) => {
      const meta = Y.parseUpdateMeta(update);
      for (const [client, from] of meta.from) {
        const writer = client - BASE_ID;
        if (writer < 0 || writer >= count || writer === receiver) continue;
        const to = meta.to.get(client) ?? from;
        const slot = receiver * count + writer;
        const seen = lastSeen[slot] ?? -1;
        const times = sendTimes[writer] as number[];
        const start = windowStart[writer] ?? Number.POSITIVE_INFINITY;
        const end = windowEnd[writer] ?? Number.POSITIVE_INFINITY;
        for (let clock = Math.max(from, seen + 1); clock < to; clock++) {
          const sent = times[clock];
          if (clock >= start && clock < end && sent !== undefined) samples.push(at - sent);
        }
        if (to - 1 > seen) lastSeen[slot] = to - 1;
      }
    };
    const writerHandles: Writer[] = [];
    const clients = await connectMany({
      count,
      concurrency: 50,
      timeoutMs: 120_000,
      make: (receiver) => {
        const writer = makeWriter({ ...roleOptions, onUpdate: onUpdateFor(receiver) }, BASE_ID + receiver);
        writerHandles[receiver] = writer;
        return writer.client;
      },
    });
    const synced = clients.filter((client) => client.syncedAt !== null).length;
    await context.mark('connected');

    const docs = writerHandles.map((writer) => writer.doc);
    const yjs = (writerHandles[0] as Writer).Y;
    const maps = docs.map((doc) => doc.getMap<number>('m'));
    let stop = false;
    // One tick per update overall: writer (tick mod count) writes, so writers are evenly staggered.
    const ticksPerSecond = count * params.ratePerWriter;
    const writing = paced(
      1000 / ticksPerSecond,
      Math.ceil(((params.warmupMs + params.steadyMs) / 1000 + 30) * ticksPerSecond),
      (tick) => {
        const k = tick % count;
        const doc = docs[k] as Y.Doc;
        // The send time is taken just before the edit: encoding and sending count as propagation.
        (sendTimes[k] as number[])[yjs.getState(doc.store, doc.clientID)] = performance.now();
        (maps[k] as Y.Map<number>).set(`w${k}`, tick);
      },
      () => stop,
    );

    await sleep(params.warmupMs);
    await context.mark('steady-start');
    docs.forEach((doc, k) => (windowStart[k] = yjs.getState(doc.store, doc.clientID)));
    await sleep(params.steadyMs);
    docs.forEach((doc, k) => (windowEnd[k] = yjs.getState(doc.store, doc.clientID)));
    await context.mark('steady-end');
    stop = true;
    await writing;

    let updates = 0;
    for (let k = 0; k < count; k++) updates += (windowEnd[k] ?? 0) - (windowStart[k] ?? 0);
    const drainDeadline = performance.now() + params.drainMs;
    while (performance.now() < drainDeadline && samples.length < updates * (synced - 1)) await sleep(50);
    await context.mark('drained');

    const result: WritersResult = {
      writers: synced,
      updates,
      latency: distribution(samples),
      delivered: samples.length / Math.max(1, updates * (synced - 1)),
      client: usesProvider(roleOptions) ? 'provider' : 'raw',
    };
    await closeAll(clients);
    return result;
  },

  summarize(runs: ReadonlyArray<RunRecord<WritersResult>>, params: WritersParams): WorkloadSummary {
    const steady = (run: RunRecord<WritersResult>) => interval(run, 'steady-start', 'steady-end');
    const p99 = row(runs, 'p99 propagation', 'ms', (run) => run.load.latency.p99, { ratio: true, digits: 1 });
    const cpuPerUpdate = row(
      runs,
      'server CPU per update',
      'µs',
      (run) => {
        const span = steady(run);
        return span?.cpuMs != null && run.load.updates > 0 ? (1000 * span.cpuMs) / run.load.updates : null;
      },
      { ratio: true, digits: 0 },
    );
    const loopMax = row(runs, 'max event-loop delay', 'ms', (run) => steady(run)?.loopMaxMs, { ratio: true, digits: 0 });
    const metrics = [
      row(runs, 'p50 propagation', 'ms', (run) => run.load.latency.p50, { ratio: true, digits: 1 }),
      p99,
      row(runs, 'max propagation', 'ms', (run) => run.load.latency.max, { digits: 1 }),
      cpuPerUpdate,
      row(runs, 'server CPU', '% of a core', (run) => steady(run)?.cpuPercent, { ratio: true, digits: 1 }),
      loopMax,
      row(runs, 'peak RSS (VmHWM)', 'MB', (run) => (run.marks.at(-1)?.hwmBytes ?? Number.NaN) / MB, { digits: 0 }),
      row(runs, 'updates delivered', '%', (run) => 100 * run.load.delivered, { digits: 2 }),
      row(runs, 'load generator CPU', '% of a core', (run) => steady(run)?.loadCpuPercent, { digits: 0 }),
      row(runs, 'rest of the machine CPU (noise)', '% of a core', (run) => steady(run)?.otherCpuPercent, { digits: 0 }),
    ];
    return {
      name: 'writers',
      title: `2. Writers: ${params.writers} writers on one document, ${params.ratePerWriter} updates/s each`,
      metrics,
      bars: [
        { bar: 'no event-loop stall > 50 ms', ...valueBar(loopMax.values.ours, (v) => v <= 50, (v) => `ours max ${v.toFixed(0)} ms`) },
        { bar: 'p99 ≤ 0.8× peers', ...ratioBar(p99, 0.8) },
        { bar: 'CPU ≤ 0.8× peers', ...ratioBar(cpuPerUpdate, 0.8) },
      ],
      notes: [...providerNote(runs), ...runErrors(runs)],
    };
  },
};
