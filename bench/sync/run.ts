/**
 * `npm run bench:sync`: runs the sync workloads against our server and the peers, each server in
 * its own fresh process and the load generator in another, prints the tables, saves the raw JSON
 * under bench/results/ and rewrites the sync section of BENCHMARKS.md.
 *
 * Environment (all optional):
 *   BENCH_SECONDS=20          steady-state seconds per workload
 *   BENCH_WARMUP_SECONDS=3    warm-up before the steady state
 *   BENCH_SCALE=1             multiplies client and document counts and sizes
 *   BENCH_REPEATS=3           repeats of the headline workload (fanout)
 *   BENCH_ONLY=ours,reference,hocuspocus,floor
 *   BENCH_WORKLOADS=fanout,writers,presence,join-large,many-docs,compaction
 *   BENCH_UNLOAD_DELAY_MS=2000  our server's unload delay
 *   BENCH_HOCUSPOCUS_CLIENT=wire|provider  how Hocuspocus is driven in fanout and writers (see
 *                             load/hocuspocus-provider.ts for why raw clients are the default)
 *   BENCH_QUIET_WAIT_S=30     before each run, wait up to this long for the rest of the machine to
 *                             be quiet (other people's builds and tests on the same 2 cores)
 *   BENCH_OURS_ENV=NAME=value,…  extra settings for our server (e.g. to try its default limits)
 *   BENCH_WRITE=0             do not touch BENCHMARKS.md (the JSON is still saved)
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RssSampler, readMachineBusyMs, readProc } from './proc-stats.ts';
import { describeMachine, renderRun, renderSummary, updateBenchmarksFile } from './report.ts';
import { peersDir, repoRoot, startServer, unavailableReason, type RunningServer } from './servers.ts';
import { SERVER_KINDS, type BenchConfig, type HocuspocusClient, type ChildMessage, type Endpoint, type MarkSnapshot, type ParentMessage, type ServerKind, type WorkloadName } from './types.ts';
import { WORKLOAD_ORDER, workloads } from './workloads/index.ts';
import { interval, type RunRecord, type WorkloadSummary } from './workloads/workload.ts';

const loadMain = fileURLToPath(new URL('./load/main.ts', import.meta.url));
/** A measured interval during which the rest of the machine used more than this is run again. */
const NOISY_PERCENT = 50;
const MAX_ATTEMPTS = 3;
/** A run that takes longer than this is abandoned (its load generator and server are stopped). */
const RUN_TIMEOUT_MS = 20 * 60_000;

function numberFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

function listFromEnv<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) return [...allowed];
  const items = raw.split(',').map((item) => item.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`${name}: unknown "${item}" (allowed: ${allowed.join(', ')})`);
  return allowed.filter((item) => items.includes(item));
}

const config: BenchConfig = {
  seconds: numberFromEnv('BENCH_SECONDS', 20, 1),
  warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 3, 0),
  scale: numberFromEnv('BENCH_SCALE', 1, 0.001),
  repeats: Math.round(numberFromEnv('BENCH_REPEATS', 3, 1)),
  unloadDelayMs: numberFromEnv('BENCH_UNLOAD_DELAY_MS', 2000, 0),
  quietWaitMs: numberFromEnv('BENCH_QUIET_WAIT_S', 30, 0) * 1000,
  hocuspocusClient: listFromEnv<HocuspocusClient>('BENCH_HOCUSPOCUS_CLIENT', ['wire', 'provider'])[0] ?? 'wire',
};
const selectedServers = listFromEnv<ServerKind>('BENCH_ONLY', SERVER_KINDS);
const selectedWorkloads = listFromEnv<WorkloadName>('BENCH_WORKLOADS', WORKLOAD_ORDER);

function log(text: string): void {
  process.stderr.write(`[bench:sync ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}

/** Installs a peer's folder from its lock file when its node_modules is missing. */
function ensurePeer(folder: string): void {
  const dir = join(peersDir, folder);
  if (existsSync(join(dir, 'node_modules'))) return;
  log(`installing ${folder} (npm ci --prefix ${dir})`);
  execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

/** What is running now, so that an interrupted benchmark leaves no process behind. */
const live: { child: ChildProcess | null; server: RunningServer | null } = { child: null, server: null };
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the current run`);
    if (live.child && live.child.exitCode === null) live.child.kill('SIGKILL');
    void (live.server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

/**
 * The machine is shared (other people build and test on the same cores): before a run, wait
 * (bounded) until everything else uses less than a quarter of a core over a second, so that runs
 * measure servers, not neighbours. Returns what the rest of the machine used at the start.
 */
async function waitForQuiet(maxWaitMs: number): Promise<number | null> {
  const deadline = performance.now() + maxWaitMs;
  let busy: number | null = null;
  for (let attempt = 0; attempt < 3600; attempt++) {
    const a = readMachineBusyMs();
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const b = readMachineBusyMs();
    busy = a !== null && b !== null ? (100 * (b - a)) / (performance.now() - start) : null;
    if (busy === null || busy < 25 || performance.now() > deadline) return busy;
  }
  return busy;
}

async function runOnce(workloadName: WorkloadName, kind: ServerKind, params: unknown, repeat: number): Promise<RunRecord<unknown>> {
  const workload = workloads[workloadName];
  const record: RunRecord<unknown> = { server: kind, repeat, load: null, error: null, marks: [] };
  let server: RunningServer | null = null;
  let sampler: RssSampler | null = null;
  let child: ChildProcess | null = null;
  try {
    const busy = await waitForQuiet(config.quietWaitMs);
    if (busy !== null && busy >= 25) log(`  the machine is still busy (${busy.toFixed(0)} % of a core used by other processes); running anyway`);
    let endpoint: Endpoint | null = null;
    if (!workload.withoutServer) {
      server = await startServer(kind, { unloadDelayMs: config.unloadDelayMs });
      live.server = server;
      // Ours: login and board creation happen here, before the probe below resets the loop figures
      // and before the load generator takes any mark, so no measured interval includes them.
      endpoint = await server.endpointFor(workload.documents(params));
      sampler = new RssSampler(server.pid);
      sampler.start();
      // Let the fresh process settle (JIT, lazy module loading) before anything is measured.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await server.probe();
    }
    const running = server;
    const runningSampler = sampler;
    const forked = fork(loadMain, [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Structured clone, not JSON: an infinite latency (never delivered) must stay Infinity.
      serialization: 'advanced',
    });
    child = forked;
    live.child = forked;
    const result = await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`run timed out after ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
      forked.on('message', (message: ChildMessage) => {
        if (message.type === 'log') log(`  ${message.text}`);
        else if (message.type === 'result') {
          clearTimeout(timer);
          resolve(message.result);
        } else if (message.type === 'error') {
          clearTimeout(timer);
          reject(new Error(message.message));
        } else if (message.type === 'mark') {
          void (async () => {
            // Probe first (it answers from the server's loop), then /proc, so both describe "now".
            const probe = running ? await running.probe(message.gc) : null;
            const proc = running ? readProc(running.pid) : null;
            const snapshot: MarkSnapshot = {
              name: message.name,
              at: performance.now(),
              cpuMs: proc?.cpuMs ?? null,
              rssBytes: proc?.rssBytes ?? null,
              hwmBytes: proc?.hwmBytes ?? null,
              maxRssSincePrevious: runningSampler ? runningSampler.takeMax() : null,
              probe,
              loadCpuMs: message.loadCpuMs,
              loadLoopMaxMs: message.loadLoopMaxMs,
              machineBusyMs: readMachineBusyMs(),
            };
            record.marks.push(snapshot);
            const ack: ParentMessage = { type: 'ack', name: message.name };
            // The child may have died meanwhile; its exit is reported by the 'exit' handler.
            if (forked.connected) forked.send(ack, (error) => error && log(`  could not ack ${message.name}: ${error.message}`));
          })();
        }
      });
      forked.on('error', (error) => log(`  load generator channel error: ${error.message}`));
      forked.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`load generator exited (${code}) without a result`));
      });
      const start: ParentMessage = { type: 'start', workload: workloadName, params, endpoint, repoRoot };
      forked.send(start);
    });
    record.load = result;
  } catch (error) {
    record.error = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    log(`  ${kind} failed: ${record.error}`);
    if (server) log(`  last server output: ${server.output().slice(-800)}`);
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
    sampler?.stop();
    if (server) await server.stop();
    live.child = null;
    live.server = null;
  }
  return record;
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const notes: string[] = [];
  const servers = selectedServers.filter((kind) => {
    const reason = unavailableReason(kind);
    if (reason) notes.push(`${kind} not run: ${reason}.`);
    return reason === null;
  });
  if (servers.includes('ours')) {
    notes.push('ours: every socket sends the demo owner’s session cookie and opens a board created over the API before the run (login and creation are not measured); the peers open the same workloads under plain names, without authentication.');
  }
  if (servers.includes('reference')) ensurePeer('y-websocket-server');
  if (servers.includes('hocuspocus')) ensurePeer('hocuspocus');
  log(`servers: ${servers.join(', ')}; workloads: ${selectedWorkloads.join(', ')}; ${JSON.stringify(config)}`);

  const summaries: WorkloadSummary[] = [];
  const raw: Record<string, { params: unknown; runs: RunRecord<unknown>[]; discarded: RunRecord<unknown>[] }> = {};
  for (const name of selectedWorkloads) {
    const workload = workloads[name];
    const kinds = workload.servers.filter((kind) => servers.includes(kind));
    if (kinds.length === 0) {
      notes.push(`${name}: skipped (none of its servers selected or available).`);
      continue;
    }
    const params = workload.params(config);
    const runs: RunRecord<unknown>[] = [];
    const discarded: RunRecord<unknown>[] = [];
    const repeats = workload.repeats(config);
    // Servers interleaved within each repeat, so that a slow drift of the machine hits all of them.
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const kind of kinds) {
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          log(`${name} — ${kind} (run ${repeat + 1}/${repeats}${attempt > 1 ? `, attempt ${attempt}` : ''})`);
          const record = await runOnce(name, kind, params, repeat);
          const noise = workload.measured ? interval(record, workload.measured[0], workload.measured[1])?.otherCpuPercent : null;
          if (typeof noise === 'number' && noise > NOISY_PERCENT && attempt < MAX_ATTEMPTS) {
            log(`  other processes used ${noise.toFixed(0)} % of a core during the measurement: run again`);
            discarded.push(record);
            continue;
          }
          runs.push(record);
          break;
        }
      }
    }
    raw[name] = { params, runs, discarded };
    if (discarded.length > 0) notes.push(`${name}: ${discarded.length} run(s) disturbed by other processes (> ${NOISY_PERCENT} % of a core) were run again.`);
    const summary = workload.summarize(runs, params, config);
    summaries.push(summary);
    process.stdout.write(`\n${renderSummary(summary)}\n`);
  }

  const date = new Date();
  const settings = `BENCH_SECONDS=${config.seconds} BENCH_WARMUP_SECONDS=${config.warmupSeconds} BENCH_SCALE=${config.scale} BENCH_REPEATS=${config.repeats} BENCH_HOCUSPOCUS_CLIENT=${config.hocuspocusClient}${process.env.BENCH_OURS_ENV ? ` BENCH_OURS_ENV=${process.env.BENCH_OURS_ENV}` : ''}; servers ${servers.join(', ')}`;
  const header = { date: date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC', machine, command: 'npm run bench:sync', settings, notes };
  const resultsDir = join(repoRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const jsonPath = join(resultsDir, `sync-${date.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(jsonPath, JSON.stringify({ date: date.toISOString(), machine, config, servers, notes, summaries, raw }, null, 1));
  log(`raw results: ${jsonPath}`);
  if (process.env.BENCH_WRITE !== '0') {
    updateBenchmarksFile(join(repoRoot, 'BENCHMARKS.md'), renderRun(header, summaries));
    log('BENCHMARKS.md updated');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
