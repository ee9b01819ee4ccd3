/**
 * `npm run bench:board`: the board page `/bench/board?n=N` (served when EPROUVETTE_BENCH=1) in
 * headless Chromium at 1,000, 5,000 and 20,000 shapes — mount time, frame times over 2.5 s of
 * panning at zoom 1 then 2.5 s at zoom-to-fit, JS heap — written to BENCHMARKS.md.
 * Settings: BENCH_BOARD_SIZES (comma-separated), BENCH_WRITE=0 to leave BENCHMARKS.md alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../e2e/support/browser.ts';
import { startChildServer } from '../../server/src/testing/child-server.ts';
import { updateBenchmarkSection } from '../benchmarks-file.ts';
import { describeMachine } from '../sync/report.ts';
import { panScript, type PhaseFrames } from './measure-page.ts';
import { boardPreamble, renderBoardRun, type SizeResult } from './report.ts';

const SIZES = (process.env.BENCH_BOARD_SIZES ?? '1000,5000,20000').split(',').map(Number);
const PHASE_MS = 2500;
const VIEWPORT = { width: 1280, height: 800 };
const repoRoot = new URL('../../', import.meta.url).pathname;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eprouvette-bench-board-'));
  const server = await startChildServer({ EPROUVETTE_DATA_DIR: dataDir, EPROUVETTE_BENCH: '1', EPROUVETTE_DEMO: '0' }, { built: true });
  const browser = await launchBrowser();
  const results: SizeResult[] = [];
  try {
    for (const n of SIZES) {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${server.url}/bench/board?n=${n}`);
      await page.waitForFunction('window.__bench !== undefined');
      const { mountMs } = (await page.evaluate('window.__bench.ready()')) as { mountMs: number };
      await page.evaluate('window.__bench.setZoom(1)');
      const zoom1 = (await page.evaluate(panScript(PHASE_MS, 8))) as PhaseFrames;
      await page.evaluate('window.__bench.zoomToFit()');
      const fit = (await page.evaluate(panScript(PHASE_MS, 4))) as PhaseFrames;
      const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const heap = metrics.metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
      results.push({ n, mountMs, zoom1: zoom1.frames, fit: fit.frames, heapBytes: heap });
      process.stdout.write(`n=${n}: mount ${mountMs.toFixed(0)} ms, frames ${zoom1.frames.length} at zoom 1, ${fit.frames.length} at fit\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  const markdown = renderBoardRun(describeMachine(), new Date(), results, PHASE_MS);
  process.stdout.write(`\n${markdown}\n`);
  if (process.env.BENCH_WRITE !== '0') updateBenchmarkSection(join(repoRoot, 'BENCHMARKS.md'), 'board', boardPreamble(), markdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
