import { describe, expect, it } from 'vitest';
import type { Actor, BoardResource } from '@eprouvette/shared';
import { can } from '@eprouvette/shared';
import { activityView, type SeeBoard } from './activity-feed.ts';
import type { ActivityRecord } from './activity-records.ts';

const AMI = 'aaaaaaaaaaaaaaaa';
const OWN = 'orgownaaaaaaaaaa';
const OTHER = 'orgotheraaaaaaaa';
const boards: Record<string, BoardResource & { title: string }> = {
  bworkshopaaaaaaa: { type: 'board', amiId: AMI, amiStatus: 'ateliers', boardId: 'bworkshopaaaaaaa', organisationId: OTHER, kind: 'atelier', restricted: false, archived: false, title: 'Atelier' },
  brestrictedaaaaa: { type: 'board', amiId: AMI, amiStatus: 'ateliers', boardId: 'brestrictedaaaaa', organisationId: OTHER, kind: 'proposition', restricted: true, archived: false, title: 'Proposition réservée' },
};

const event = (id: number, boardId: string | null, overrides: Partial<ActivityRecord> = {}): ActivityRecord => ({
  id,
  amiId: AMI,
  boardId,
  kind: 'comment.thread',
  actor: { id: 'usrclaireaaaaaaa', name: 'Claire Vasseur' },
  data: { threadId: 'threadaaaaaaaaaa', excerpt: 'Quel réseau LoRaWAN ?' },
  createdAt: Date.UTC(2026, 9, 1),
  ...overrides,
});

/** What the route does: a board is seen when `decide` lets the reader view it. */
const seeingAs =
  (actor: Actor): SeeBoard =>
  (boardId) => {
    const board = boards[boardId];
    return board !== undefined && can(actor, 'board.view', board) ? { id: board.boardId, title: board.title } : null;
  };

const member = (role: 'reader' | 'editor'): Actor => ({ userId: 'usrmemberaaaaaaa', platformAdmin: false, organisationId: OWN, membership: { amiId: AMI, role } });

describe('activityView', () => {
  it('shows events about the AMI and about boards the reader may see, with the board’s title', () => {
    const see = seeingAs(member('reader'));
    expect(activityView(event(1, null), see)).toMatchObject({ id: '1', board: null, at: '2026-10-01T00:00:00.000Z' });
    expect(activityView(event(2, 'bworkshopaaaaaaa'), see)).toMatchObject({ board: { id: 'bworkshopaaaaaaa', title: 'Atelier' } });
  });

  it('hides events about a board the reader may not see, or a board that is gone', () => {
    // Today every member may view every board of their AMI (a restricted proposal is only read-only
    // for the other organisations): whatever `board.view` ever hides, its events are hidden too.
    const hidesRestricted: SeeBoard = (boardId) => (boardId === 'brestrictedaaaaa' ? null : seeingAs(member('editor'))(boardId));
    expect(activityView(event(3, 'brestrictedaaaaa'), hidesRestricted)).toBeNull();
    expect(activityView(event(4, 'bgoneaaaaaaaaaaa'), seeingAs(member('editor')))).toBeNull();
    const stranger: Actor = { userId: 'usrstrangeraaaaa', platformAdmin: false, organisationId: OWN, membership: null };
    expect(activityView(event(5, 'bworkshopaaaaaaa'), seeingAs(stranger))).toBeNull();
  });

  it('skips an event whose data does not fit its kind', () => {
    expect(activityView(event(6, null, { data: { threadId: 'pas un id' } }), seeingAs(member('reader')))).toBeNull();
    expect(activityView(event(7, null, { kind: 'ami.status', data: { from: 'brouillon', to: 'inconnu' } }), seeingAs(member('reader')))).toBeNull();
  });
});
