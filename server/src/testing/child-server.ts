/**
 * Starts the real server (`server/src/main.ts`) as a child process, the way `npm start` runs it,
 * for tests that need a real process: restarts, SIGKILL, SIGTERM, browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BoardView } from '@eprouvette/shared';
// Type only: benchmarks import this file and should not load the server's modules with it.
import type { ApiSession } from './test-server.ts';

const mainPath = fileURLToPath(new URL('../main.ts', import.meta.url));
/** The bundle `npm start` runs (`npm run build`); benchmarks measure this one. */
const builtPath = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
/** The line main.ts prints once it listens; the URL is the only thing parsed from it. */
const READY_PATTERN = /Éprouvette est prête : (http:\/\/\S+?)\/?$/m;

export interface ChildServer {
  /** Base HTTP URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** WebSocket base for the sync endpoint, e.g. ws://127.0.0.1:41234/sync */
  syncUrl: string;
  process: ChildProcess;
  /** Everything the child printed so far (stdout and stderr). */
  output(): string;
  /** Sends a signal and resolves with the exit code (or the signal name) once the child exited. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export interface ChildServerOptions {
  /** Reuse a port, e.g. to restart "the same" server for clients that reconnect. */
  port?: number;
  /** Run the built bundle instead of the TypeScript sources. */
  built?: boolean;
  /** Extra Node.js flags (e.g. a profiling preload). */
  nodeArgs?: string[];
}

export async function startChildServer(env: Record<string, string>, options: ChildServerOptions = {}): Promise<ChildServer> {
  const entry = options.built ? [builtPath] : ['--import', 'tsx', mainPath];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(options.port ?? 0), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = READY_PATTERN.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
  return {
    url,
    syncUrl: `${url.replace(/^http/, 'ws')}/sync`,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Creates a board in `amiId` over the API and returns its document name. A child server's records
 * are out of reach, so tests and benchmarks get document names the way the client does.
 */
export async function createBoardOver(session: Pick<ApiSession, 'api'>, amiId: string, title = 'Tableau de test'): Promise<string> {
  const response = await session.api(`/api/amis/${amiId}/boards`, { body: { title, kind: 'atelier' } });
  if (response.status !== 201) throw new Error(`board creation failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as BoardView).documentName;
}
