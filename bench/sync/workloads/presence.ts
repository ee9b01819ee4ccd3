/**
 * Workload 3: 500 clients on one document, each publishing its awareness (cursor) once a second,
 * staggered. Each awareness entry carries its client id and clock, so a receiver knows which update
 * it got without parsing the JSON state.
 *
 * Two figures per receiver and sender:
 * - delivered: the exact clocks received ÷ the clocks sent in the window (a server that merges or
 *   drops intermediate states scores below 100 %);
 * - propagation: for each clock sent, the time until the receiver held that state or a newer one
 *   (a newer state supersedes an older one for presence, so merging is not penalised, but a dropped
 *   state costs the wait until the next one arrives). States never covered count as infinitely late.
 */
import type { BenchConfig } from '../types.ts';
import { SyncClient, closeAll, connectMany, encodeAwarenessEntry, readAwarenessClocks } from '../load/client.ts';
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

export interface PresenceParams extends SteadyPhases {
  clients: number;
  hz: number;
}

export interface PresenceResult {
  clients: number;
  sent: number;
  /** Over every (receiver, sent state) pair of the window; misses counted as +∞. */
  latency: Distribution;
  /** Exact states received ÷ expected. */
  delivered: number;
  /** States received late or superseded-and-covered ÷ expected (≥ delivered). */
  covered: number;
}

const BASE_ID = 9_000_000;

const DOCUMENT = 'bench.presence';

export const presence: Workload<PresenceParams, PresenceResult> = {
  name: 'presence',
  title: '3. Presence: 500 clients, awareness at 1 Hz each',
  servers: ['ours', 'reference', 'hocuspocus'],
  measured: ['steady-start', 'steady-end'],
  repeats: (config) => config.repeats,
  params: (config: BenchConfig) => ({
    clients: Math.max(2, Math.round(500 * config.scale)),
    hz: 1,
    ...steadyPhases(config),
  }),

  documents: () => [DOCUMENT],
  async load(context: LoadContext, params: PresenceParams): Promise<PresenceResult> {
    const endpoint = context.endpoint;
    if (!endpoint) throw new Error('presence needs a server');
    const count = params.clients;
    const docName = DOCUMENT;
    await context.mark('start');

    const lastSeen = new Int32Array(count * count).fill(-1);
    const sendTimes: number[][] = Array.from({ length: count }, () => []);
    const windowStart = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
    const windowEnd = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
    const clocks = new Int32Array(count);
    const samples = new SampleBuffer(count * (count - 1) * params.hz * Math.ceil(params.steadyMs / 1000 + 1));
    let exact = 0;

    const clients = await connectMany({
      count,
      concurrency: 50,
      timeoutMs: 120_000,
      make: (receiver) =>
        new SyncClient({
          endpoint,
          docName,
          onAwareness: (update, at) => {
            readAwarenessClocks(update, (clientId, clock) => {
              const sender = clientId - BASE_ID;
              if (sender < 0 || sender >= count || sender === receiver) return;
              const slot = receiver * count + sender;
              const seen = lastSeen[slot] ?? -1;
              if (clock <= seen) return;
              const times = sendTimes[sender] as number[];
              const start = windowStart[sender] ?? Number.POSITIVE_INFINITY;
              const end = windowEnd[sender] ?? Number.POSITIVE_INFINITY;
              if (clock >= start && clock < end && times[clock] !== undefined) exact++;
              for (let c = Math.max(seen + 1, start); c <= clock && c < end; c++) {
                const sent = times[c];
                if (sent !== undefined) samples.push(at - sent);
              }
              lastSeen[slot] = clock;
            });
          },
        }),
    });
    const synced = clients.filter((client) => client.syncedAt !== null).length;
    await context.mark('connected');

    let stop = false;
    const ticksPerSecond = count * params.hz;
    const publishing = paced(
      1000 / ticksPerSecond,
      Math.ceil(((params.warmupMs + params.steadyMs) / 1000 + 30) * ticksPerSecond),
      (tick) => {
        const k = tick % count;
        const clock = (clocks[k] ?? 0) + 1;
        clocks[k] = clock;
        const state = {
          user: { name: `Participant ${k}`, color: `#${((k * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}` },
          cursor: { x: (tick * 37) % 1920, y: (tick * 53) % 1080 },
        };
        (sendTimes[k] as number[])[clock] = performance.now();
        clients[k]?.sendAwareness(encodeAwarenessEntry(BASE_ID + k, clock, state));
      },
      () => stop,
    );

    await sleep(params.warmupMs);
    await context.mark('steady-start');
    clocks.forEach((clock, k) => (windowStart[k] = clock + 1));
    await sleep(params.steadyMs);
    clocks.forEach((clock, k) => (windowEnd[k] = clock + 1));
    await context.mark('steady-end');
    stop = true;
    await publishing;

    let sent = 0;
    for (let k = 0; k < count; k++) sent += (windowEnd[k] ?? 0) - (windowStart[k] ?? 0);
    const expected = sent * (synced - 1);
    const drainDeadline = performance.now() + params.drainMs;
    while (performance.now() < drainDeadline && samples.length < expected) await sleep(50);
    await context.mark('drained');

    const covered = samples.length;
    // Pairs never covered are infinitely late: they sit at the top of the distribution.
    for (let i = covered; i < expected; i++) samples.push(Number.POSITIVE_INFINITY);
    const result: PresenceResult = {
      clients: synced,
      sent,
      latency: distribution(samples),
      delivered: exact / Math.max(1, expected),
      covered: covered / Math.max(1, expected),
    };
    await closeAll(clients);
    return result;
  },

  summarize(runs: ReadonlyArray<RunRecord<PresenceResult>>, params: PresenceParams): WorkloadSummary {
    const steady = (run: RunRecord<PresenceResult>) => interval(run, 'steady-start', 'steady-end');
    const cpu = row(runs, 'server CPU', '% of a core', (run) => steady(run)?.cpuPercent, { ratio: true, digits: 1 });
    const p95 = row(runs, 'p95 awareness propagation', 'ms', (run) => run.load.latency.p95, { ratio: true, digits: 1 });
    const metrics = [
      cpu,
      row(runs, 'p50 awareness propagation', 'ms', (run) => run.load.latency.p50, { ratio: true, digits: 1 }),
      p95,
      row(runs, 'p99 awareness propagation', 'ms', (run) => run.load.latency.p99, { digits: 1 }),
      row(runs, 'awareness updates delivered (exact)', '%', (run) => 100 * run.load.delivered, { digits: 1 }),
      row(runs, 'states covered (same or newer received)', '%', (run) => 100 * run.load.covered, { digits: 1 }),
      row(runs, 'max event-loop delay', 'ms', (run) => steady(run)?.loopMaxMs, { digits: 0 }),
      row(runs, 'peak RSS (VmHWM)', 'MB', (run) => (run.marks.at(-1)?.hwmBytes ?? Number.NaN) / MB, { digits: 0 }),
      row(runs, 'load generator CPU', '% of a core', (run) => steady(run)?.loadCpuPercent, { digits: 0 }),
      row(runs, 'rest of the machine CPU (noise)', '% of a core', (run) => steady(run)?.otherCpuPercent, { digits: 0 }),
    ];
    return {
      name: 'presence',
      title: `3. Presence: ${params.clients} clients on one document, awareness at ${params.hz} Hz each`,
      metrics,
      bars: [
        { bar: 'CPU below one core', ...valueBar(cpu.values.ours, (v) => v < 100, (v) => `ours ${v.toFixed(0)} % of a core`) },
        { bar: 'p95 ≤ 100 ms', ...valueBar(p95.values.ours, (v) => v <= 100, (v) => `ours p95 ${v.toFixed(1)} ms`) },
        { bar: 'p95 against the peers', ...ratioBar(p95, 1), info: true },
      ],
      notes: [
        'A state is "covered" when the receiver got it or a newer state of the same client; its propagation time runs until then. States never covered count as infinitely late.',
        ...runErrors(runs),
      ],
    };
  },
};
