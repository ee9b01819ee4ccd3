/**
 * The load generator: a child process of run.ts, so that clients and server never share an event
 * loop. It receives one workload to run, asks the orchestrator for a server snapshot at each mark
 * (so that server CPU and event-loop delay cover exactly the steady state) and sends back its
 * summarised result.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { workloads } from '../workloads/index.ts';
import type { ChildMessage, ParentMessage } from '../types.ts';
import type { LoadContext } from '../workloads/workload.ts';

const MARK_TIMEOUT_MS = 60_000;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const waiting = new Map<string, () => void>();

// Orphaned (the orchestrator died or was interrupted): stop, so no client keeps hammering a server.
process.on('disconnect', () => process.exit(1));
// A throw in a socket handler is a bug of the load generator: report it as this run's error.
process.on('uncaughtException', (error) => {
  void send({ type: 'error', message: `uncaught in the load generator: ${error.stack ?? error.message}` }).finally(() => process.exit(1));
});

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('the load generator must be started by run.ts (no IPC channel)'));
      return;
    }
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

process.on('message', (raw: ParentMessage) => {
  if (raw.type === 'ack') {
    waiting.get(raw.name)?.();
    waiting.delete(raw.name);
    return;
  }
  void run(raw).then(
    async (result) => {
      await send({ type: 'result', result });
      process.exit(0);
    },
    async (error: unknown) => {
      await send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
});

async function run(start: Extract<ParentMessage, { type: 'start' }>): Promise<unknown> {
  const workload = workloads[start.workload];
  const context: LoadContext = {
    endpoint: start.endpoint,
    repoRoot: start.repoRoot,
    log: (text) => void send({ type: 'log', text }),
    mark: async (name, options = {}) => {
      const acked = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for mark ${name}`)), MARK_TIMEOUT_MS);
        waiting.set(name, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const loopMaxMs = loop.count > 0 ? loop.max / 1e6 : null;
      loop.reset();
      await send({ type: 'mark', name, gc: options.gc ?? false, loadCpuMs: cpuMs(), loadLoopMaxMs: loopMaxMs });
      await acked;
    },
  };
  // The params were made by the same workload's params() in the orchestrator.
  return (workload.load as (context: LoadContext, params: unknown) => Promise<unknown>)(context, start.params);
}
