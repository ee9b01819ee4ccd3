import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../log.ts';
import { manualClock } from './manual-clock.ts';
import { AUTO_VERSION_AFTER_MS, VersionRecorder } from './version-recorder.ts';
import type { NewVersion, VersionRecord } from './version-records.ts';

const AMI = 'aaaaaaaaaaaaaaaa';
const TEXT = `ami-${AMI}.text`;
const BOARD = `ami-${AMI}.board-bbbbbbbbbbbbbbbb`;
const MINUTE = 60_000;

/** A connection as the room passes it: the origin of the updates it sent. */
const peer = (userId: string) => ({ userId });

function setUp(options: { failSaves?: number } = {}) {
  const clock = manualClock();
  const saved: (NewVersion & { createdAt: number })[] = [];
  let failures = options.failSaves ?? 0;
  let ids = 0;
  const logger = memoryLogger();
  const recorder = new VersionRecorder({
    clock,
    logger,
    newId: () => `v${String(++ids).padStart(15, 'a')}`,
    state: async (name) => new TextEncoder().encode(`${name}@${clock.now()}`),
    save: async (version, createdAt): Promise<VersionRecord> => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('disk full');
      }
      saved.push({ ...version, createdAt });
      return { ...version, authors: [...version.authors], createdAt, bytes: version.state.byteLength };
    },
  });
  /** Lets the recorder's promises (state, save) run. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { clock, saved, recorder, settle, logger };
}

describe('VersionRecorder', () => {
  it('takes a version 10 minutes after the first change, even while changes keep coming', async () => {
    const { clock, saved, recorder, settle } = setUp();
    recorder.onUpdate(TEXT, peer('claire'));
    for (let minute = 1; minute <= 9; minute++) {
      clock.advance(MINUTE);
      recorder.onUpdate(TEXT, peer(minute % 2 === 0 ? 'claire' : 'julien'));
    }
    await settle();
    expect(saved).toEqual([]);

    clock.advance(MINUTE);
    await settle();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ document: TEXT, kind: 'auto', label: null, createdAt: clock.now() });
    expect([...saved[0]!.authors].sort()).toEqual(['claire', 'julien']);

    // The next change starts the next clock; the authors start afresh.
    clock.advance(3 * MINUTE);
    recorder.onUpdate(TEXT, peer('nadia'));
    clock.advance(AUTO_VERSION_AFTER_MS - 1);
    await settle();
    expect(saved).toHaveLength(1);
    clock.advance(1);
    await settle();
    expect(saved[1]).toMatchObject({ kind: 'auto', authors: ['nadia'] });
  });

  it('takes no version when nothing changed', async () => {
    const { clock, saved, recorder, settle } = setUp();
    recorder.onEmptied(TEXT);
    clock.advance(5 * AUTO_VERSION_AFTER_MS);
    await recorder.stop();
    await settle();
    expect(saved).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  it('takes a version when the last connection leaves a changed document, and not again', async () => {
    const { clock, saved, recorder, settle } = setUp();
    recorder.onUpdate(BOARD, peer('nadia'));
    clock.advance(2 * MINUTE);
    recorder.onEmptied(BOARD);
    await settle();
    expect(saved).toMatchObject([{ document: BOARD, kind: 'auto', authors: ['nadia'] }]);
    expect(clock.pending).toBe(0);
    recorder.onEmptied(BOARD);
    clock.advance(AUTO_VERSION_AFTER_MS);
    await settle();
    expect(saved).toHaveLength(1);
  });

  it('gives comment documents no versions', async () => {
    const { clock, saved, recorder, settle } = setUp();
    recorder.onUpdate(`${TEXT}.comments`, peer('sophie'));
    recorder.onEmptied(`${TEXT}.comments`);
    clock.advance(AUTO_VERSION_AFTER_MS);
    await settle();
    expect(saved).toEqual([]);
  });

  it('counts a named version as the latest: its name, who named it, and a fresh clock after it', async () => {
    const { clock, saved, recorder, settle } = setUp();
    recorder.onUpdate(TEXT, peer('claire'));
    clock.advance(4 * MINUTE);
    const named = await recorder.named(TEXT, 'envoyée au comité de sélection', 'julien');
    expect(named).toMatchObject({ kind: 'named', label: 'envoyée au comité de sélection', authors: ['julien'] });
    clock.advance(AUTO_VERSION_AFTER_MS);
    recorder.onEmptied(TEXT);
    await settle();
    expect(saved).toHaveLength(1);
  });

  it('credits the server’s own changes to the user they were made for, and counts them as changes', async () => {
    const { saved, recorder, settle } = setUp();
    const before = await recorder.beforeRestore(TEXT);
    expect(before).toMatchObject({ kind: 'before-restore', authors: [] });
    await recorder.asAuthor(TEXT, 'claire', async () => recorder.onUpdate(TEXT, Symbol('server')));
    recorder.onUpdate(TEXT, Symbol('server'));
    recorder.onEmptied(TEXT);
    await settle();
    expect(saved.map((version) => [version.kind, version.authors])).toEqual([
      ['before-restore', []],
      ['auto', ['claire']],
    ]);
  });

  it('keeps the changes pending when a version cannot be saved, and records them later', async () => {
    const { clock, saved, recorder, settle, logger } = setUp({ failSaves: 1 });
    recorder.onUpdate(TEXT, peer('claire'));
    recorder.onEmptied(TEXT);
    await settle();
    expect(saved).toEqual([]);
    expect(logger.lines.some((line) => line.includes('automatic version failed'))).toBe(true);
    clock.advance(AUTO_VERSION_AFTER_MS);
    await settle();
    expect(saved).toMatchObject([{ kind: 'auto', authors: ['claire'] }]);
  });

  it('versions pending changes when stopping', async () => {
    const { saved, recorder } = setUp();
    recorder.onUpdate(BOARD, peer('thomas'));
    await recorder.stop();
    expect(saved).toMatchObject([{ document: BOARD, authors: ['thomas'] }]);
  });

  it('versions nothing more of an AMI being deleted', async () => {
    const { clock, saved, recorder, settle } = setUp();
    recorder.onUpdate(TEXT, peer('claire'));
    recorder.onUpdate('ami-cccccccccccccccc.text', peer('claire'));
    await recorder.forgetAmi(AMI);
    recorder.onUpdate(BOARD, peer('nadia'));
    recorder.onEmptied(TEXT);
    clock.advance(AUTO_VERSION_AFTER_MS);
    await settle();
    expect(saved.map((version) => version.document)).toEqual(['ami-cccccccccccccccc.text']);
    await expect(recorder.named(TEXT, 'trop tard', 'claire')).rejects.toThrow(/deleted/);
  });
});
