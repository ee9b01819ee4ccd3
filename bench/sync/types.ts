/** Types shared by the orchestrator, the load generator and the workloads of the sync benchmark. */

export type ServerKind = 'ours' | 'reference' | 'hocuspocus' | 'floor';
export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'reference', 'hocuspocus', 'floor'];

/** Stock y-websocket framing, or Hocuspocus's (document name first, authentication first). */
export type Dialect = 'y-websocket' | 'hocuspocus';

export interface Endpoint {
  kind: ServerKind;
  dialect: Dialect;
  /** y-websocket: base to which `/<documentName>` is appended; hocuspocus: the socket URL itself. */
  url: string;
  /** Ours: the session cookie (`name=value`) every socket sends, as a signed-in browser's does. */
  cookie?: string;
  /**
   * Ours: the real name of each document a workload names. Ours opens only boards that exist (named
   * `ami-<id>.board-<id>`), created for the run before it starts; the peers open any name as given.
   */
  documents?: Readonly<Record<string, string>>;
}

export type WorkloadName = 'fanout' | 'writers' | 'presence' | 'join-large' | 'many-docs' | 'compaction';

/** Everything a run is scaled by; read from the environment once by the orchestrator. */
export interface BenchConfig {
  /** Steady-state seconds per workload (BENCH_SECONDS, default 20). */
  seconds: number;
  /** Warm-up seconds before the steady state (BENCH_WARMUP_SECONDS, default 3). */
  warmupSeconds: number;
  /** Multiplies client counts, document counts, sizes (BENCH_SCALE, default 1). */
  scale: number;
  /** Repeats of the headline workload, fanout (BENCH_REPEATS, default 3). */
  repeats: number;
  /** Our server's unload delay, passed to it as EPROUVETTE_UNLOAD_DELAY_MS. */
  unloadDelayMs: number;
  /** Longest wait, before each run, for the rest of the machine to be quiet (BENCH_QUIET_WAIT_S). */
  quietWaitMs: number;
  /**
   * How Hocuspocus is driven where both are possible (fanout, writers): the hand-written framing
   * shared with the other servers (default), or its own provider (BENCH_HOCUSPOCUS_CLIENT=provider).
   */
  hocuspocusClient: HocuspocusClient;
}

export type HocuspocusClient = 'provider' | 'wire';

/** What the event-loop probe inside a server reports (see probe.mjs). */
export interface ProbeReport {
  seq: number;
  pid: number;
  count: number;
  maxMs: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  memory: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
  gc: boolean;
  /** Set by the orchestrator when the server did not answer within the bound: its loop was stuck. */
  timedOutAfterMs?: number;
}

/** The server side of one mark, taken by the orchestrator when the load generator asks. */
export interface MarkSnapshot {
  name: string;
  /** performance.now() of the orchestrator. */
  at: number;
  cpuMs: number | null;
  rssBytes: number | null;
  hwmBytes: number | null;
  /** Highest sampled RSS since the previous mark. */
  maxRssSincePrevious: number | null;
  /** Event-loop delay since the previous mark, and memory as the server sees it. */
  probe: ProbeReport | null;
  /** The load generator's own CPU (user+system ms) when it asked: to tell when it, not the server, saturates. */
  loadCpuMs: number;
  /** The load generator's own max event-loop delay since the previous mark. */
  loadLoopMaxMs: number | null;
  /** CPU time of the whole machine since boot (readMachineBusyMs), to tell how busy the rest was. */
  machineBusyMs: number | null;
}

/** Orchestrator → load generator. */
export type ParentMessage =
  | { type: 'start'; workload: WorkloadName; params: unknown; endpoint: Endpoint | null; repoRoot: string }
  | { type: 'ack'; name: string };

/** Load generator → orchestrator. */
export type ChildMessage =
  | { type: 'mark'; name: string; gc: boolean; loadCpuMs: number; loadLoopMaxMs: number | null }
  | { type: 'log'; text: string }
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string };
