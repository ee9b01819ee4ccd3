/**
 * The shape of a workload: one file per workload holds both halves, the load (run inside the
 * load-generator child process) and the summary (run by the orchestrator over every server's runs),
 * so that what is measured and how it is reported are read in one place.
 */
import type { BenchConfig, Endpoint, MarkSnapshot, ServerKind, WorkloadName } from '../types.ts';
import { median } from '../stats.ts';

export interface LoadContext {
  /** Null for a workload that runs without a server (compaction). */
  endpoint: Endpoint | null;
  repoRoot: string;
  /**
   * Asks the orchestrator to snapshot the server now (CPU, RSS, event-loop delay since the previous
   * mark) and resolves once it did. `gc` forces a full GC in the server first (memory workloads).
   */
  mark(name: string, options?: { gc?: boolean }): Promise<void>;
  log(text: string): void;
}

export interface RunRecord<R> {
  server: ServerKind;
  repeat: number;
  load: R | null;
  error: string | null;
  marks: MarkSnapshot[];
}

export interface MetricRow {
  label: string;
  unit: string;
  values: Partial<Record<ServerKind, number | null>>;
  /** Show ours/peer ratios for this row (rows where lower is better and a ratio means something). */
  ratio?: boolean;
  digits?: number;
}

export interface BarResult {
  /** The bar as QUALITY.md states it. */
  bar: string;
  /** null when it could not be judged (our server missing or failed). */
  pass: boolean | null;
  /** Not a bar of QUALITY.md, only a comparison printed with the bars. */
  info?: boolean;
  detail: string;
}

export interface WorkloadSummary {
  name: WorkloadName;
  title: string;
  metrics: MetricRow[];
  bars: BarResult[];
  notes: string[];
}

export interface Workload<P, R> {
  name: WorkloadName;
  title: string;
  /** Server kinds this workload is run against (before BENCH_ONLY filtering). */
  servers: readonly ServerKind[];
  /** Runs in the load-generator process alone, no server started (compaction uses the storage module directly). */
  withoutServer?: boolean;
  /**
   * The marks around the timed part. A run during which other processes took more than half a
   * core there is repeated (at most twice): the machine is shared with other people's work.
   */
  measured?: readonly [string, string];
  repeats(config: BenchConfig): number;
  params(config: BenchConfig): P;
  /**
   * Every document name `load` opens. Ours gets a board created for each before the run (a name
   * not listed is refused); the peers open the names as they are.
   */
  documents(params: P): string[];
  /** Runs in the load-generator process. Must be bounded in count and time. */
  load(context: LoadContext, params: P): Promise<R>;
  /** Runs in the orchestrator. `runs` holds every repeat of every server. */
  summarize(runs: ReadonlyArray<RunRecord<R>>, params: P, config: BenchConfig): WorkloadSummary;
}

/** Server-side figures over the interval between two marks of one run. */
/** The phases of a steady-state workload: warm up, measure, then let late messages arrive. */
export interface SteadyPhases {
  warmupMs: number;
  steadyMs: number;
  drainMs: number;
}

export function steadyPhases(config: BenchConfig): SteadyPhases {
  return { warmupMs: config.warmupSeconds * 1000, steadyMs: config.seconds * 1000, drainMs: 3000 };
}

export interface Interval {
  wallMs: number;
  cpuMs: number | null;
  /** Server CPU as a percentage of one core. */
  cpuPercent: number | null;
  loopMaxMs: number | null;
  loopP99Ms: number | null;
  maxRssBytes: number | null;
  loadCpuPercent: number | null;
  loadLoopMaxMs: number | null;
  /** CPU used by everything else on the machine (other people's work), in % of one core. */
  otherCpuPercent: number | null;
}

export function findMark(run: RunRecord<unknown>, name: string): MarkSnapshot | undefined {
  return run.marks.find((mark) => mark.name === name);
}

export function interval(run: RunRecord<unknown>, from: string, to: string): Interval | null {
  const start = run.marks.findIndex((mark) => mark.name === from);
  const end = run.marks.findIndex((mark) => mark.name === to);
  const a = run.marks[start];
  const b = run.marks[end];
  if (!a || !b || end <= start) return null;
  const between = run.marks.slice(start + 1, end + 1);
  const wallMs = b.at - a.at;
  const cpuMs = a.cpuMs !== null && b.cpuMs !== null ? b.cpuMs - a.cpuMs : null;
  const maxOf = (values: Array<number | null>) => {
    const finite = values.filter((v): v is number => v !== null);
    return finite.length === 0 ? null : Math.max(...finite);
  };
  return {
    wallMs,
    cpuMs,
    cpuPercent: cpuMs === null ? null : (100 * cpuMs) / wallMs,
    loopMaxMs: maxOf(between.map((mark) => mark.probe?.maxMs ?? null)),
    loopP99Ms: maxOf(between.map((mark) => mark.probe?.p99Ms ?? null)),
    maxRssBytes: maxOf(between.map((mark) => mark.maxRssSincePrevious)),
    loadCpuPercent: (100 * (b.loadCpuMs - a.loadCpuMs)) / wallMs,
    loadLoopMaxMs: maxOf(between.map((mark) => mark.loadLoopMaxMs)),
    otherCpuPercent:
      a.machineBusyMs !== null && b.machineBusyMs !== null && cpuMs !== null
        ? Math.max(0, (100 * (b.machineBusyMs - a.machineBusyMs - cpuMs - (b.loadCpuMs - a.loadCpuMs))) / wallMs)
        : null,
  };
}

/** Median over the successful repeats of one server of a figure taken from each run. */
export function medianOf<R>(
  runs: ReadonlyArray<RunRecord<R>>,
  server: ServerKind,
  pick: (run: RunRecord<R> & { load: R }) => number | null | undefined,
): number | null {
  return median(
    runs.filter((run): run is RunRecord<R> & { load: R } => run.server === server && run.load !== null).map((run) => pick(run)),
  );
}

/** Servers that appear in the runs, in the canonical order. */
export function serversOf(runs: ReadonlyArray<RunRecord<unknown>>): ServerKind[] {
  const order: ServerKind[] = ['ours', 'reference', 'hocuspocus', 'floor'];
  return order.filter((kind) => runs.some((run) => run.server === kind));
}

/** One metric row, the median across repeats for each server. */
export function row<R>(
  runs: ReadonlyArray<RunRecord<R>>,
  label: string,
  unit: string,
  pick: (run: RunRecord<R> & { load: R }) => number | null | undefined,
  options: { ratio?: boolean; digits?: number } = {},
): MetricRow {
  const values: Partial<Record<ServerKind, number | null>> = {};
  for (const server of serversOf(runs)) values[server] = medianOf(runs, server, pick);
  return { label, unit, values, ...options };
}

/**
 * "ours ≤ factor × every peer" on one row; peers are the reference server and Hocuspocus (the bare
 * loop is a floor, not a peer). null when ours or every peer is missing.
 */
export function ratioBar(metric: MetricRow, factor: number): { pass: boolean | null; detail: string } {
  const ours = metric.values.ours;
  const peers = (['reference', 'hocuspocus'] as const).filter((peer) => typeof metric.values[peer] === 'number');
  if (typeof ours !== 'number' || peers.length === 0) return { pass: null, detail: `${metric.label}: not measured` };
  const parts = peers.map((peer) => {
    const value = metric.values[peer] as number;
    return { peer, ratio: ours / value, ok: ours <= factor * value };
  });
  return {
    pass: parts.every((part) => part.ok),
    detail: `${metric.label}: ${parts.map((part) => `ours/${part.peer} ${formatRatio(part.ratio)}`).join(', ')}`,
  };
}

/** Two decimals, but "<0.01" rather than a misleading "0.00" (or "∞" against a peer at zero). */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return ratio > 0 ? '∞' : '—';
  return ratio < 0.01 ? '<0.01' : ratio.toFixed(2);
}

/** A bar on our value alone. */
export function valueBar(value: number | null | undefined, ok: (value: number) => boolean, describe: (value: number) => string): {
  pass: boolean | null;
  detail: string;
} {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { pass: null, detail: 'ours not measured' };
  return { pass: ok(value), detail: describe(value) };
}

export function runErrors(runs: ReadonlyArray<RunRecord<unknown>>): string[] {
  return runs.filter((run) => run.error !== null).map((run) => `${run.server} (repeat ${run.repeat + 1}) failed: ${run.error}`);
}

export const MB = 1024 * 1024;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `tick(i)` at `start + i * periodMs` for i = 0, 1, … until `stop()` returns true or `maxTicks`
 * is reached, without drift (a late tick does not push the later ones back).
 */
export async function paced(periodMs: number, maxTicks: number, tick: (index: number) => void, stop: () => boolean): Promise<number> {
  const start = performance.now();
  let index = 0;
  while (index < maxTicks && !stop()) {
    const due = start + index * periodMs;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    tick(index);
    index++;
  }
  return index;
}
