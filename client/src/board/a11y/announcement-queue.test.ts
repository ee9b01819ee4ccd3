import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n/index.ts';
import { MemoryBoard } from '../engine/testing/memory-board.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { withoutZ } from '../engine/transform.ts';
import { AnnouncementQueue } from './announcement-queue.ts';
import { announcementFor, MIN_INTERVAL_MS, QUIET_REPEAT_MS, SETTLE_MS } from './change-announcer.ts';

const names = (userId: string) => (userId === 'nadia' ? 'Nadia Benali' : undefined);

/** A board whose every change is reported to the queue as made here or by a peer, as the test says. */
function setUp() {
  const board = new MemoryBoard([makeShape('rect', { id: 'vanne', text: 'Vanne' })]);
  const said: string[] = [];
  const queue = new AnnouncementQueue({
    source: board,
    describe: (pending, lookup) => announcementFor(pending, lookup, (key, params) => t(key, params, 'fr'), names),
    announce: (text) => said.push(text),
  });
  let local = false;
  board.subscribe((changed, deleted) => queue.report(changed, deleted, local));
  const byPeer = (change: () => void) => {
    local = false;
    change();
  };
  const byMe = (change: () => void) => {
    local = true;
    change();
  };
  return { board, said, queue, byPeer, byMe };
}

const note = (id: string, text: string) => withoutZ(makeShape('sticky', { id, text, author: 'nadia' }));

describe('AnnouncementQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never announces one’s own changes', () => {
    const { board, said, byMe } = setUp();
    byMe(() => board.add([note('capteurs', 'Capteurs de fuite')]));
    byMe(() => board.update([{ id: 'vanne', changes: { text: 'Vanne 2' } }]));
    vi.advanceTimersByTime(60_000);
    expect(said).toEqual([]);
  });

  it('announces a peer’s change once the burst has settled', () => {
    const { board, said, byPeer } = setUp();
    byPeer(() => board.add([note('capteurs', 'Capteurs')]));
    byPeer(() => board.update([{ id: 'capteurs', changes: { text: 'Capteurs de fuite' } }]));
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(said).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(said).toEqual(['Nadia Benali a ajouté un post-it « Capteurs de fuite ».']);
  });

  it('keeps announcements two seconds apart, merging what comes between', () => {
    const { board, said, byPeer } = setUp();
    byPeer(() => board.add([note('a', 'A')]));
    vi.advanceTimersByTime(SETTLE_MS);
    byPeer(() => board.add([note('b', 'B')]));
    byPeer(() => board.add([note('c', 'C')]));
    vi.advanceTimersByTime(MIN_INTERVAL_MS - 1);
    expect(said).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(said).toEqual(['Nadia Benali a ajouté un post-it « A ».', '2 éléments ajoutés par Nadia Benali.']);
  });

  it('says a peer’s deletion with what the shape was, even after one’s own changes', () => {
    const { board, said, byPeer, byMe } = setUp();
    byMe(() => board.update([{ id: 'vanne', changes: { text: 'Vanne principale' } }]));
    byPeer(() => board.remove(['vanne']));
    vi.advanceTimersByTime(SETTLE_MS);
    expect(said).toEqual(['Un autre participant a supprimé un rectangle « Vanne principale ».']);
  });

  it('says a peer’s typing once, then again after a silence', () => {
    const { board, said, byPeer } = setUp();
    const type = (text: string) => byPeer(() => board.update([{ id: 'vanne', changes: { text } }]));
    type('V');
    vi.advanceTimersByTime(SETTLE_MS);
    for (const text of ['Va', 'Van', 'Vann']) {
      type(text);
      vi.advanceTimersByTime(MIN_INTERVAL_MS);
    }
    expect(said).toEqual(['Un autre participant a modifié un rectangle « V ».']);
    vi.advanceTimersByTime(QUIET_REPEAT_MS);
    type('Vanne');
    vi.advanceTimersByTime(MIN_INTERVAL_MS);
    expect(said).toEqual(['Un autre participant a modifié un rectangle « V ».', 'Un autre participant a modifié un rectangle « Vanne ».']);
  });

  it('drops what is waiting when disposed', () => {
    const { board, said, queue, byPeer } = setUp();
    byPeer(() => board.add([note('a', 'A')]));
    queue.dispose();
    vi.advanceTimersByTime(60_000);
    expect(said).toEqual([]);
  });
});
