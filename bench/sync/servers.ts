/**
 * Starts and stops each kind of server the same way: its own process on 127.0.0.1 and a free port,
 * with the event-loop probe preloaded, and one interface to read it (pid for /proc, probe report,
 * stop). A fresh process per run, so that RSS and VmHWM belong to that run only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Endpoint, ProbeReport, ServerKind } from './types.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
export const repoRoot = join(here, '..', '..');
export const peersDir = join(repoRoot, 'bench', 'peers');
const probeUrl = pathToFileURL(join(here, 'probe.mjs')).href;
const ourMain = join(repoRoot, 'server', 'src', 'main.ts');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** How long a probe report may take before the server's loop is declared stuck. */
const PROBE_TIMEOUT_MS = 20_000;
/**
 * Boards created at once before a run: enough to take a few seconds for thousands, few enough
 * that the server's SQLite writes do not queue up behind one another.
 */
const BOARD_CREATION_CONCURRENCY = 4;

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  /**
   * The endpoint to run a workload that opens `documents` (the workload's own names) against.
   * Ours admits signed-in users to boards that exist: it signs in once as the demo owner and
   * creates one board per name, before any measurement. The peers open any name, with no cookie.
   */
  endpointFor(documents: readonly string[]): Promise<Endpoint>;
  /** Event-loop delay since the previous report (then reset); `gc` forces a full GC first. */
  probe(gc?: boolean): Promise<ProbeReport | null>;
  output(): string;
  /** SIGTERM, then SIGKILL after a bound; resolves once the process is gone. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Our server's unload delay (EPROUVETTE_UNLOAD_DELAY_MS). */
  unloadDelayMs: number;
}

export function ourServerExists(): boolean {
  return existsSync(ourMain);
}

/** Why a server kind cannot run here, or null when it can. */
export function unavailableReason(kind: ServerKind): string | null {
  if (kind === 'ours' && !ourServerExists()) return 'server/src/main.ts does not exist yet';
  return null;
}

export async function startServer(kind: ServerKind, options: ServerOptions): Promise<RunningServer> {
  const workDir = mkdtempSync(join(tmpdir(), `bench-sync-${kind}-`));
  const probeFile = join(workDir, 'probe.json');
  const probeEnv = { BENCH_PROBE_FILE: probeFile };
  try {
    switch (kind) {
      case 'ours':
        return await startOurs(workDir, probeEnv, options);
      case 'reference':
        return await startNode(kind, 'y-websocket', join(peersDir, 'y-websocket-server'), ['server.mjs'], probeEnv, workDir, '/sync');
      case 'hocuspocus':
        return await startNode(kind, 'hocuspocus', join(peersDir, 'hocuspocus'), ['server.mjs'], probeEnv, workDir, '');
      case 'floor':
        return await startNode(kind, 'y-websocket', repoRoot, ['--import', 'tsx', join(here, 'floor-server.ts')], probeEnv, workDir, '/sync');
    }
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

async function startOurs(workDir: string, probeEnv: Record<string, string>, options: ServerOptions): Promise<RunningServer> {
  // Imported lazily: the module resolves server/src/main.ts, which may not exist yet.
  const { createBoardOver, startChildServer } = await import('../../server/src/testing/child-server.ts');
  const dataDir = join(workDir, 'data');
  const child = await startChildServer({
    EPROUVETTE_DATA_DIR: dataDir,
    // Limits raised so that the benchmark measures the server, not its throttling.
    EPROUVETTE_RATE_LIMIT_PER_SECOND: '100000',
    EPROUVETTE_RATE_LIMIT_BURST: '100000',
    EPROUVETTE_UNLOAD_DELAY_MS: String(options.unloadDelayMs),
    // The default (16 MiB) is below one SyncStep2 of the 20 MB document of join-large.
    EPROUVETTE_MAX_SEND_BUFFER_BYTES: String(512 * 1024 * 1024),
    NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', `--import=${probeUrl}`].join(' ').trim(),
    ...extraOurEnv(),
    ...probeEnv,
  });
  const pid = child.process.pid;
  if (pid === undefined) throw new Error('our server has no pid');
  const endpoint: Endpoint = { kind: 'ours', dialect: 'y-websocket', url: child.syncUrl };
  return {
    kind: 'ours',
    pid,
    endpointFor: async (documents) => {
      const session = await signInAsDemoOwner(child.url);
      const amiId = await demoAmiId(session);
      const names: Record<string, string> = {};
      let next = 0;
      const lane = async () => {
        while (next < documents.length) {
          const name = documents[next++] as string;
          names[name] = await createBoardOver(session, amiId, name);
        }
      };
      await Promise.all(Array.from({ length: Math.min(BOARD_CREATION_CONCURRENCY, documents.length) }, lane));
      return { ...endpoint, cookie: session.cookie, documents: names };
    },
    probe: (gc) => readProbe(pid, probeEnv.BENCH_PROBE_FILE as string, gc ?? false),
    output: () => child.output(),
    stop: async () => {
      await stopProcess(child.process, () => child.stop('SIGTERM'));
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

interface OurSession {
  cookie: string;
  api(path: string, init?: { body?: unknown }): Promise<Response>;
}

/**
 * One login per server process: logins are rate limited per account and per address, and every
 * client of a run shares this session, as tabs of one browser would.
 */
async function signInAsDemoOwner(httpUrl: string): Promise<OurSession> {
  // Lazily, like child-server.ts: the seed module is part of our server, which may not exist yet.
  const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('../../server/src/seed/demo.ts');
  const owner = DEMO_ACCOUNTS.find((account) => account.role === 'owner');
  if (owner === undefined) throw new Error('the demo has no owner account');
  // The server refuses state-changing requests without its own Origin (CSRF), as a browser sends it.
  const origin = new URL(httpUrl).origin;
  const response = await fetch(`${httpUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: owner.email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login as the demo owner failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('login set no session cookie');
  return {
    cookie,
    api: (path, init = {}) =>
      fetch(`${httpUrl}${path}`, {
        method: init.body === undefined ? 'GET' : 'POST',
        headers: { cookie, origin, ...(init.body !== undefined && { 'content-type': 'application/json' }) },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      }),
  };
}

/** The AMI the demo seeds on a first start: the benchmark's boards go there. */
async function demoAmiId(session: OurSession): Promise<string> {
  const { DEMO_AMI_TITLE } = await import('../../server/src/seed/demo.ts');
  const response = await session.api('/api/amis');
  if (response.status !== 200) throw new Error(`listing AMIs failed: ${response.status} ${await response.text()}`);
  const amis = (await response.json()) as { id: string; title: string }[];
  const ami = amis.find((candidate) => candidate.title === DEMO_AMI_TITLE);
  if (ami === undefined) throw new Error('the demo AMI is missing (was the server started with EPROUVETTE_DEMO=0?)');
  return ami.id;
}

/** BENCH_OURS_ENV="NAME=value,NAME=value": extra or overriding settings for our server. */
function extraOurEnv(): Record<string, string> {
  const raw = process.env.BENCH_OURS_ENV ?? '';
  const entries = raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const at = item.indexOf('=');
      if (at <= 0) throw new Error(`BENCH_OURS_ENV: "${item}" is not NAME=value`);
      return [item.slice(0, at), item.slice(at + 1)] as const;
    });
  return Object.fromEntries(entries);
}

async function startNode(
  kind: ServerKind,
  dialect: Endpoint['dialect'],
  cwd: string,
  args: string[],
  probeEnv: Record<string, string>,
  workDir: string,
  path: string,
): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', probeUrl, ...args], {
    cwd,
    env: { ...process.env, ...probeEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not print its port within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /BENCH_LISTENING (\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited before listening:\n${output}`));
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${kind} has no pid`);
  const endpoint: Endpoint = { kind, dialect, url: `ws://127.0.0.1:${port}${path}` };
  return {
    kind,
    pid,
    endpointFor: async () => endpoint,
    probe: (gc) => readProbe(pid, probeEnv.BENCH_PROBE_FILE as string, gc ?? false),
    output: () => output,
    stop: async () => {
      await stopProcess(child, async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      });
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Graceful stop, bounded: a server that does not exit is killed (by its own pid only). */
async function stopProcess(child: ChildProcess, graceful: () => Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS);
  });
  const outcome = await Promise.race([graceful().then(() => 'done' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout' && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
  }
}

async function readProbe(pid: number, file: string, gc: boolean): Promise<ProbeReport | null> {
  const previous = readProbeFile(file)?.seq ?? 0;
  writeFileSync(`${file}.cmd`, gc ? 'gc' : 'report');
  try {
    process.kill(pid, 'SIGUSR2');
  } catch {
    return null; // the server is gone
  }
  // The report is written from the server's event loop: a busy server answers late, so wait (bounded).
  const started = performance.now();
  while (performance.now() < started + PROBE_TIMEOUT_MS) {
    const report = readProbeFile(file);
    if (report && report.seq > previous) return report;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // No answer: the loop never got to the signal handler. That is a stall of at least this long.
  const last = readProbeFile(file);
  return last
    ? { ...last, maxMs: Number.POSITIVE_INFINITY, p99Ms: null, timedOutAfterMs: PROBE_TIMEOUT_MS }
    : null;
}

function readProbeFile(file: string): ProbeReport | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProbeReport;
  } catch {
    return null;
  }
}
