// Preloaded with `--import` into every server process of the sync benchmark (ours, the peers'
// launchers, the bare loop). It measures event-loop delay from inside the server, which /proc cannot
// see, and answers on SIGUSR2 so that the orchestrator can read it without any cooperation from the
// server's own code. Plain JS (not TS) so that it loads before any loader hook is registered.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const file = process.env.BENCH_PROBE_FILE;
// Only the main thread of a process started by the benchmark: a worker inheriting NODE_OPTIONS must
// not install a second handler, and without BENCH_PROBE_FILE we must not swallow SIGUSR2.
if (file && isMainThread) {
  // 10 ms sampling is what the QUALITY bar needs (stalls > 50 ms) and costs nothing measurable.
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let seq = 0;
  let gc = null;
  const forceGc = () => {
    if (gc === null) {
      // A forced GC is only used to tell "memory still referenced" from "garbage not yet collected"
      // in the many-docs workload; it runs only when the orchestrator asks for it.
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc');
    }
    gc();
  };
  process.on('SIGUSR2', () => {
    let command = 'report';
    try {
      command = readFileSync(`${file}.cmd`, 'utf8').trim();
    } catch {
      // no command file: plain report
    }
    if (command === 'gc') forceGc();
    seq += 1;
    const toMs = (ns) => (Number.isFinite(ns) ? ns / 1e6 : null);
    const report = {
      seq,
      pid: process.pid,
      count: histogram.count,
      maxMs: histogram.count > 0 ? toMs(histogram.max) : null,
      p99Ms: histogram.count > 0 ? toMs(histogram.percentile(99)) : null,
      meanMs: histogram.count > 0 ? toMs(histogram.mean) : null,
      memory: process.memoryUsage(),
      gc: command === 'gc',
    };
    histogram.reset();
    writeFileSync(`${file}.tmp`, JSON.stringify(report));
    renameSync(`${file}.tmp`, file);
  });
}
