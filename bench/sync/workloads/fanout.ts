/**
 * Workload 1, the headline: 1 writer, 1,000 observers on one document, 20 small updates/s.
 * Latency = writer's send → each observer's receipt, both read from the load generator's clock. Each
 * update is `map.set('s', i)`: one Yjs item, so the writer's clock grows by one per update and an
 * observer finds the sequence numbers of what it got from the clock range of the update (which also
 * holds when a server merges several updates into one message).
 */
import * as Y from 'yjs';
import type { BenchConfig, HocuspocusClient } from '../types.ts';
import { closeAll, connectMany } from '../load/client.ts';
import { makeObserver, makeWriter, usesProvider } from '../load/roles.ts';
import { SampleBuffer, distribution, type Distribution } from '../stats.ts';
import {
  MB,
  interval,
  paced,
  ratioBar,
  row,
  runErrors,
  serversOf,
  sleep,
  valueBar,
  steadyPhases,
  type LoadContext,
  type SteadyPhases,
  type RunRecord,
  type Workload,
  type WorkloadSummary,
} from './workload.ts';

export interface FanoutParams extends SteadyPhases {
  observers: number;
  ratePerSecond: number;
  hocuspocusClient: HocuspocusClient;
}

export interface FanoutResult {
  observers: number;
  updates: number;
  latency: Distribution;
  delivered: number;
  connectMs: number;
  client: 'raw' | 'provider';
}

const WRITER_ID = 4_242_424;

const DOCUMENT = 'bench.fanout';

export const fanout: Workload<FanoutParams, FanoutResult> = {
  name: 'fanout',
  title: '1. Fan-out: 1 writer → 1,000 observers, 20 updates/s',
  servers: ['ours', 'reference', 'hocuspocus', 'floor'],
  measured: ['steady-start', 'steady-end'],
  repeats: (config) => config.repeats,
  params: (config: BenchConfig) => ({
    observers: Math.max(2, Math.round(1000 * config.scale)),
    ratePerSecond: 20,
    ...steadyPhases(config),
    hocuspocusClient: config.hocuspocusClient,
  }),

  documents: () => [DOCUMENT],
  async load(context: LoadContext, params: FanoutParams): Promise<FanoutResult> {
    const endpoint = context.endpoint;
    if (!endpoint) throw new Error('fanout needs a server');
    const docName = DOCUMENT;
    await context.mark('start');

    const roleOptions = { endpoint, repoRoot: context.repoRoot, docName, hocuspocusClient: params.hocuspocusClient };
    const connectStart = performance.now();
    const lastSeen = new Int32Array(params.observers).fill(-1);
    const sendTimes: number[] = [];
    let windowStart = Number.POSITIVE_INFINITY;
    let windowEnd = Number.POSITIVE_INFINITY;
    const expectedSamples = params.observers * params.ratePerSecond * Math.ceil(params.steadyMs / 1000 + 1);
    const samples = new SampleBuffer(expectedSamples);

    const observers = await connectMany({
      count: params.observers,
      concurrency: 50,
      timeoutMs: 120_000,
      make: (index) =>
        makeObserver({
          ...roleOptions,
          onUpdate: (update, at) => {
            const meta = Y.parseUpdateMeta(update);
            const from = meta.from.get(WRITER_ID);
            const to = meta.to.get(WRITER_ID);
            if (from === undefined || to === undefined) return;
            const seen = lastSeen[index] ?? -1;
            for (let clock = Math.max(from, seen + 1); clock < to; clock++) {
              const sent = sendTimes[clock];
              if (clock >= windowStart && clock < windowEnd && sent !== undefined) samples.push(at - sent);
            }
            if (to - 1 > seen) lastSeen[index] = to - 1;
          },
        }),
    });
    const synced = observers.filter((client) => client.syncedAt !== null);

    const writer = makeWriter(roleOptions, WRITER_ID);
    const doc = writer.doc;
    const map = doc.getMap<number>('m');
    await writer.client.synced;
    const connectMs = performance.now() - connectStart;
    await context.mark('connected');

    let stop = false;
    const maxTicks = Math.ceil(((params.warmupMs + params.steadyMs) / 1000 + 30) * params.ratePerSecond);
    const writing = paced(
      1000 / params.ratePerSecond,
      maxTicks,
      (index) => {
        // The send time is taken just before the edit: encoding and sending count as propagation.
        sendTimes[writer.Y.getState(doc.store, WRITER_ID)] = performance.now();
        map.set('s', index);
      },
      () => stop,
    );

    await sleep(params.warmupMs);
    await context.mark('steady-start');
    windowStart = writer.Y.getState(doc.store, WRITER_ID);
    await sleep(params.steadyMs);
    windowEnd = writer.Y.getState(doc.store, WRITER_ID);
    await context.mark('steady-end');
    stop = true;
    await writing;

    // Drain: wait (bounded) until every observer got the last update of the window.
    const drainDeadline = performance.now() + params.drainMs;
    while (performance.now() < drainDeadline) {
      let behind = 0;
      for (let i = 0; i < params.observers; i++) if (observers[i]?.syncedAt != null && (lastSeen[i] ?? -1) < windowEnd - 1) behind++;
      if (behind === 0) break;
      await sleep(50);
    }
    await context.mark('drained');

    const updates = windowEnd - windowStart;
    const result: FanoutResult = {
      observers: synced.length,
      updates,
      latency: distribution(samples),
      delivered: samples.length / Math.max(1, updates * synced.length),
      connectMs,
      client: usesProvider(roleOptions) ? 'provider' : 'raw',
    };
    await closeAll([...observers, writer.client]);
    return result;
  },

  summarize(runs: ReadonlyArray<RunRecord<FanoutResult>>, params: FanoutParams): WorkloadSummary {
    const steady = (run: RunRecord<FanoutResult>) => interval(run, 'steady-start', 'steady-end');
    const p50 = row(runs, 'p50 propagation', 'ms', (run) => run.load.latency.p50, { ratio: true, digits: 1 });
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
    const metrics = [
      p50,
      p99,
      row(runs, 'max propagation', 'ms', (run) => run.load.latency.max, { digits: 1 }),
      cpuPerUpdate,
      row(runs, 'server CPU', '% of a core', (run) => steady(run)?.cpuPercent, { digits: 1 }),
      row(runs, 'peak RSS (VmHWM)', 'MB', (run) => (run.marks.at(-1)?.hwmBytes ?? Number.NaN) / MB, { ratio: true, digits: 0 }),
      row(runs, 'max event-loop delay', 'ms', (run) => steady(run)?.loopMaxMs, { digits: 0 }),
      row(runs, 'updates delivered', '%', (run) => 100 * run.load.delivered, { digits: 2 }),
      row(runs, 'observers connected', '', (run) => run.load.observers, { digits: 0 }),
      row(runs, 'load generator CPU', '% of a core', (run) => steady(run)?.loadCpuPercent, { digits: 0 }),
      row(runs, 'rest of the machine CPU (noise)', '% of a core', (run) => steady(run)?.otherCpuPercent, { digits: 0 }),
    ];
    const bar = ratioBar(p99, 0.8);
    const cpuBar = ratioBar(cpuPerUpdate, 0.8);
    const abs = valueBar(p99.values.ours, (v) => v <= 50, (v) => `ours p99 ${v.toFixed(1)} ms`);
    return {
      name: 'fanout',
      title: `1. Fan-out: 1 writer → ${params.observers} observers on one document, ${params.ratePerSecond} updates/s`,
      metrics,
      bars: [
        { bar: 'p99 ≤ 50 ms', ...abs },
        { bar: 'p99 ≤ 0.8× every peer', ...bar },
        { bar: 'CPU per update ≤ 0.8× every peer', ...cpuBar },
      ],
      notes: [
        ...providerNote(runs),
        `Medians of ${Math.max(...serversOf(runs).map((s) => runs.filter((r) => r.server === s).length))} runs per server.`,
        ...runErrors(runs),
      ],
    };
  },
};

/** Says how Hocuspocus was driven in these runs. */
export function providerNote(runs: ReadonlyArray<RunRecord<{ client: 'raw' | 'provider' }>>): string[] {
  const run = runs.find((r) => r.server === 'hocuspocus' && r.load !== null);
  if (!run?.load) return [];
  return [
    run.load.client === 'provider'
      ? 'Hocuspocus driven by its own @hocuspocus/provider 3.4.4 (BENCH_HOCUSPOCUS_CLIENT=provider: one provider and socket per client, all in the load generator); the other servers by raw y-websocket clients.'
      : 'Hocuspocus driven by raw clients speaking its wire format (document name, auth message, then the y-protocols messages), the same client code as for the other servers. Hundreds of @hocuspocus/provider instances in one process measure mostly themselves (fan-out to 1,000 providers: Hocuspocus p99 107 ms against 30 ms with raw clients on the same server, load generator at 75 % of a core); BENCH_HOCUSPOCUS_CLIENT=provider runs them anyway.',
  ];
}
