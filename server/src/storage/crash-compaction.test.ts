import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite.ts';
import { toYDoc } from './testing/ydoc.ts';

const CHILD = fileURLToPath(new URL('./testing/compaction-crash-child.ts', import.meta.url));
/** The server package, whose node_modules resolution finds tsx. */
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = 8;
const DOC = 'crash-doc';

/** The child of the current round, killed by afterAll should a round fail midway. */
let running: ChildProcess | undefined;

/**
 * Runs the child and SIGKILLs it: odd rounds right as a compaction starts, even ones at a random
 * moment up to 150 ms after the round's first compaction. Resolves with the indices the child
 * reported as appended, i.e. whose append had resolved.
 */
function runAndKill(dataDir: string, round: number): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, DOC], {
    cwd: SERVER_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child;
  const appended: number[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise((resolve, reject) => {
    let killing = false;
    const kill = (delayMs: number) => {
      if (killing) return;
      killing = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^appended (\d+)$/.exec(line);
      if (match) appended.push(Number(match[1]));
      if (line === 'compacting' && round % 2 === 1) kill(Math.random() * 3);
      if (line === 'compacted' && round % 2 === 0) kill(Math.random() * 150);
    });
    child.on('error', reject);
    // 'close', not 'exit': it waits for stdout to drain, so no reported line is missed.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(appended);
      else reject(new Error(`child exited on its own (code ${code}, signal ${signal}):\n${stderr}`));
    });
  });
}

describe('sqlite compaction under SIGKILL', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'eprouvette-crash-'));
  });

  afterAll(async () => {
    if (running?.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('never loses an acknowledged append', async () => {
    const acknowledged = new Set<number>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const index of await runAndKill(dataDir, round)) acknowledged.add(index);

      const store = await openSqliteStore(dataDir);
      const stored = await store.load(DOC);
      await store.close();
      const items = toYDoc(stored).getArray<string>('items').toArray();
      const indices = items.map((item) => Number(item.slice(0, item.indexOf(':'))));

      // One writer appending in order: the document is exactly 0..n-1, and covers every ack.
      expect(indices).toEqual(indices.map((_, position) => position));
      expect(Math.max(...acknowledged)).toBeLessThan(indices.length);
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS);
  });
});
