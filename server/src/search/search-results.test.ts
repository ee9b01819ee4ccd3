import { describe, expect, it } from 'vitest';
import type { Actor, AmiRole, SearchHitKind } from '@eprouvette/shared';
import { AMI_ROLES, can, SEARCH_HIT_KINDS } from '@eprouvette/shared';
import { amiResource, boardResource } from '../access/actors.ts';
import type { AmiRecord } from '../records/amis.ts';
import type { BoardRecord } from '../records/boards.ts';
import { mayView, type HitPlace } from './search-results.ts';

const AMI = 'aaaaaaaaaaaaaaaa';
const OTHER_AMI = 'zzzzzzzzzzzzzzzz';
const ami = { id: AMI, title: 'Gestion de l’eau', status: 'ateliers' } as AmiRecord;
const board = (restricted: boolean) =>
  ({ id: 'bbbbbbbbbbbbbbbb', amiId: AMI, title: 'Capteurs', kind: 'proposition', organisation: { id: 'syndicat', name: 'Syndicat', type: 'syndicat-mixte' }, restricted, archived: false }) as BoardRecord;

function actor(role: AmiRole | null, { organisationId = 'commune', amiId = AMI, platformAdmin = false } = {}): Actor {
  return { userId: 'u', platformAdmin, organisationId, membership: role === null ? null : { amiId, role } };
}

const ON_BOARD: readonly SearchHitKind[] = ['board', 'board-item', 'comment'];
const OFF_BOARD: readonly SearchHitKind[] = ['ami', 'text', 'comment'];

describe('mayView', () => {
  const actors: [string, Actor][] = [
    ...AMI_ROLES.map((role): [string, Actor] => [role, actor(role)]),
    ...AMI_ROLES.map((role): [string, Actor] => [`${role} of the board's organisation`, actor(role, { organisationId: 'syndicat' })]),
    ['non-member', actor(null)],
    ['member of another AMI', actor('owner', { amiId: OTHER_AMI })],
    ['platform administrator', actor(null, { platformAdmin: true })],
  ];

  it.each(actors)('follows board.view for what is on a board, restricted or not (%s)', (_, who) => {
    for (const restricted of [false, true]) {
      const place: HitPlace = { ami, actor: who, board: board(restricted) };
      for (const kind of ON_BOARD) expect(mayView(kind, place), kind).toBe(can(who, 'board.view', boardResource(ami, board(restricted))));
    }
  });

  it.each(actors)('follows ami.view for an AMI and amiText.view for its text and comments (%s)', (_, who) => {
    const place: HitPlace = { ami, actor: who, board: null };
    expect(mayView('ami', place)).toBe(can(who, 'ami.view', amiResource(ami)));
    for (const kind of ['text', 'comment'] as const) expect(mayView(kind, place), kind).toBe(can(who, 'amiText.view', amiResource(ami)));
  });

  it('refuses a non-member and a member of another AMI everything', () => {
    for (const who of [actor(null), actor('owner', { amiId: OTHER_AMI })]) {
      for (const kind of SEARCH_HIT_KINDS) {
        expect(mayView(kind, { ami, actor: who, board: null })).toBe(false);
        expect(mayView(kind, { ami, actor: who, board: board(true) })).toBe(false);
      }
    }
  });

  it('never shows a hit of the wrong kind for its place', () => {
    const owner = actor('owner');
    expect(mayView('board-item', { ami, actor: owner, board: null })).toBe(false);
    expect(mayView('board', { ami, actor: owner, board: null })).toBe(false);
    for (const kind of OFF_BOARD.filter((candidate) => candidate !== 'comment')) expect(mayView(kind, { ami, actor: owner, board: board(false) })).toBe(false);
  });
});
