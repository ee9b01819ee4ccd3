/**
 * Renders the sync benchmark's summaries as Markdown tables (printed and written into
 * BENCHMARKS.md between markers), keeping the previous run's tables below the new ones and leaving
 * every other section of the file alone.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { updateBenchmarkSection } from '../benchmarks-file.ts';
import { cpus, totalmem } from 'node:os';
import type { ServerKind } from './types.ts';
import { formatRatio, type MetricRow, type WorkloadSummary } from './workloads/workload.ts';


const SERVER_LABEL: Record<ServerKind, string> = {
  ours: 'ours',
  reference: 'reference (@y/websocket-server)',
  hocuspocus: 'Hocuspocus',
  floor: 'floor (bare loop)',
};

export interface Machine {
  cores: number;
  model: string;
  memoryGiB: number;
  node: string;
}

export function describeMachine(): Machine {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) model = match[1].trim();
  } catch {
    // keep os.cpus()'s
  }
  let cores = cpus().length;
  try {
    cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || cores;
  } catch {
    // keep os.cpus()'s
  }
  let memoryGiB = Math.round(totalmem() / 1024 ** 3);
  try {
    // `free -g`, as a person would read it (it rounds down: 23 on a 24 GiB machine).
    const match = /^Mem:\s+(\d+)/m.exec(execFileSync('free', ['-g'], { encoding: 'utf8' }));
    if (match?.[1]) memoryGiB = Number(match[1]);
  } catch {
    // keep os.totalmem()'s
  }
  return { cores, model, memoryGiB, node: process.version };
}

function formatValue(value: number | null | undefined, digits: number): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratioCell(metric: MetricRow, peer: ServerKind): string {
  const ours = metric.values.ours;
  const other = metric.values[peer];
  if (!metric.ratio || typeof ours !== 'number' || typeof other !== 'number' || other === 0) return '';
  if (!Number.isFinite(ours) || !Number.isFinite(other)) return '';
  return `${formatRatio(ours / other)}×`;
}

export function renderSummary(summary: WorkloadSummary): string {
  const servers = (['ours', 'reference', 'hocuspocus', 'floor'] as const).filter((kind) =>
    summary.metrics.some((metric) => kind in metric.values),
  );
  const ratioPeers = servers.filter((kind) => kind !== 'ours');
  const showRatios = servers.includes('ours') && ratioPeers.length > 0 && summary.metrics.some((metric) => metric.ratio);
  const header = ['metric', ...servers.map((kind) => SERVER_LABEL[kind]), ...(showRatios ? ratioPeers.map((peer) => `ours/${peer}`) : [])];
  const lines = [`#### ${summary.title}`, '', `| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const metric of summary.metrics) {
    const label = metric.unit ? `${metric.label} (${metric.unit})` : metric.label;
    const cells = servers.map((kind) => formatValue(metric.values[kind], metric.digits ?? 1));
    const ratios = showRatios ? ratioPeers.map((peer) => ratioCell(metric, peer)) : [];
    lines.push(`| ${[label, ...cells, ...ratios].join(' | ')} |`);
  }
  lines.push('');
  for (const bar of summary.bars) {
    if (bar.info) {
      lines.push(`- ${bar.bar} (no bar): ${bar.detail}`);
      continue;
    }
    const verdict = bar.pass === null ? 'not judged' : bar.pass ? '**pass**' : '**FAIL**';
    lines.push(`- Bar "${bar.bar}": ${verdict} — ${bar.detail}`);
  }
  for (const note of summary.notes) lines.push(`- ${note}`);
  return lines.join('\n');
}

export interface RunHeader {
  date: string;
  machine: Machine;
  command: string;
  settings: string;
  notes: string[];
}

export function renderRun(header: RunHeader, summaries: readonly WorkloadSummary[]): string {
  const m = header.machine;
  return [
    `### Run of ${header.date}`,
    '',
    `Machine: ${m.cores} cores (nproc; ${m.model}), ${m.memoryGiB} GiB of memory (free -g), Node ${m.node}. Command: \`${header.command}\` (${header.settings}).`,
    ...header.notes.map((note) => `- ${note}`),
    '',
    ...summaries.flatMap((summary) => [renderSummary(summary), '']),
  ].join('\n');
}


function syncPreamble(): string {
  return `## Sync server (\`npm run bench:sync\`)

What is measured: our sync server against \`@y/websocket-server\` 0.1.1 (the reference server, same
protocol) and \`@hocuspocus/server\` 3.4.4, plus a bare loop (\`Y.applyUpdate\` on one doc and the
same frame forwarded to every other socket: the physical floor). Each server runs in its own
process, started fresh for every run; the load generator is another process (raw \`ws\` clients
speaking each server's protocol; one clock for send and receipt). Server CPU and RSS are read from
\`/proc/<pid>\` (utime+stime deltas over the steady state, VmRSS, VmHWM); event-loop delay from a
\`monitorEventLoopDelay\` probe preloaded into every server (\`bench/sync/probe.mjs\`). Bars are those
of \`/work/shared/brief/QUALITY.md\`, judged on our server; ratios are ours ÷ peer (below 1 is better
for ours). "∞": never happened within the bound (an update never delivered; a server whose event
loop did not answer the probe within 20 s). "rest of the machine": CPU used by other processes
during the measurement (the machine is shared); such runs above 50 % of a core are run again.

How to run: \`npm run bench:sync\` (≈ 40 min). Quick run that leaves this file alone: \`BENCH_WRITE=0
BENCH_SECONDS=5 BENCH_SCALE=0.2 BENCH_REPEATS=1 BENCH_ONLY=ours,reference BENCH_WORKLOADS=fanout,writers
npm run bench:sync\`; all settings are listed at the top of \`bench/sync/run.ts\`. Raw JSON of every run:
\`bench/results/\` (not committed).
`;
}

/** Writes the new run into the sync section of BENCHMARKS.md, the previous run kept below it. */
export function updateBenchmarksFile(path: string, runMarkdown: string): void {
  updateBenchmarkSection(path, 'sync', syncPreamble(), runMarkdown);
}
