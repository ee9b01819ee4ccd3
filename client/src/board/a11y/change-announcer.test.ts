import { describe, expect, it } from 'vitest';
import { t, type Translate } from '../../i18n/index.ts';
import type { Shape } from '../engine/shape-model.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import {
  announcementDelay,
  announcementFor,
  isQuietRepeat,
  MIN_INTERVAL_MS,
  NO_CHANGES,
  QUIET_REPEAT_MS,
  recordRemoteChanges,
  SETTLE_MS,
  type PendingChanges,
} from './change-announcer.ts';

const fr: Translate = (key, params) => t(key, params, 'fr');
const names = (userId: string) => ({ nadia: 'Nadia Benali', karim: 'Karim Haddad' })[userId];
const mapOf = (shapes: readonly Shape[]) => new Map(shapes.map((shape) => [shape.id, shape]));
const lookupIn = (shapes: readonly Shape[]) => (id: string) => mapOf(shapes).get(id);

const capteurs = makeShape('sticky', { id: 'capteurs', text: 'Capteurs de fuite', author: 'nadia' });
const vanne = makeShape('rect', { id: 'vanne', x: 300, text: 'Vanne', author: 'karim' });

const pending = (changes: Partial<PendingChanges>): PendingChanges => ({ ...NO_CHANGES, ...changes });

describe('recordRemoteChanges', () => {
  it('tells new shapes from changed ones by what the board held before', () => {
    const result = recordRemoteChanges(NO_CHANGES, mapOf([vanne]), ['capteurs', 'vanne'], []);
    expect([...result.added]).toEqual(['capteurs']);
    expect([...result.modified]).toEqual(['vanne']);
  });

  it('keeps what a deleted shape was, and forgets a shape that came and went', () => {
    const added = recordRemoteChanges(NO_CHANGES, mapOf([vanne]), ['capteurs'], []);
    const result = recordRemoteChanges(added, mapOf([vanne, capteurs]), [], ['capteurs', 'vanne']);
    expect(result.added.size).toBe(0);
    expect([...result.removed.values()]).toEqual([vanne]);
  });

  it('merges change sets: a shape added then changed is still new, one changed then deleted is deleted', () => {
    const first = recordRemoteChanges(NO_CHANGES, mapOf([vanne]), ['capteurs', 'vanne'], []);
    const second = recordRemoteChanges(first, mapOf([vanne, capteurs]), ['capteurs'], ['vanne']);
    expect([...second.added]).toEqual(['capteurs']);
    expect(second.modified.size).toBe(0);
    expect([...second.removed.keys()]).toEqual(['vanne']);
  });

  it('reads a shape deleted then restored as changed', () => {
    const deleted = recordRemoteChanges(NO_CHANGES, mapOf([vanne]), [], ['vanne']);
    const restored = recordRemoteChanges(deleted, mapOf([]), ['vanne'], []);
    expect(restored.removed.size).toBe(0);
    expect([...restored.modified]).toEqual(['vanne']);
  });
});

describe('announcementFor', () => {
  it('says who added a shape, and what it says', () => {
    const lookup = lookupIn([capteurs]);
    expect(announcementFor(pending({ added: new Set(['capteurs']) }), lookup, fr, names)).toBe('Nadia Benali a ajouté un post-it « Capteurs de fuite ».');
    expect(announcementFor(pending({ added: new Set(['capteurs']) }), lookup, fr)).toBe('Un autre participant a ajouté un post-it « Capteurs de fuite ».');
  });

  it('counts several additions, naming the author when there is only one', () => {
    const mine = makeShape('sticky', { id: 'autre', author: 'nadia' });
    const added = pending({ added: new Set(['capteurs', 'autre']) });
    expect(announcementFor(added, lookupIn([capteurs, mine]), fr, names)).toBe('2 éléments ajoutés par Nadia Benali.');
    const mixed = pending({ added: new Set(['capteurs', 'vanne']) });
    expect(announcementFor(mixed, lookupIn([capteurs, vanne]), fr, names)).toBe('2 éléments ajoutés par d’autres participants.');
  });

  it('says what was changed or deleted, one shape by name and several by number', () => {
    const notes = [1, 2, 3].map((n) => makeShape('sticky', { id: `n${n}`, x: n * 300 }));
    expect(announcementFor(pending({ modified: new Set(['vanne']) }), lookupIn([vanne]), fr)).toBe('Un autre participant a modifié un rectangle « Vanne ».');
    expect(announcementFor(pending({ modified: new Set(['n1', 'n2', 'n3']) }), lookupIn(notes), fr)).toBe('3 éléments modifiés par d’autres participants.');
    expect(announcementFor(pending({ removed: mapOf([capteurs]) }), lookupIn([]), fr)).toBe('Un autre participant a supprimé un post-it « Capteurs de fuite ».');
    expect(announcementFor(pending({ removed: mapOf(notes) }), lookupIn([]), fr)).toBe('3 éléments supprimés par d’autres participants.');
  });

  it('says additions, changes and deletions in one announcement', () => {
    const changes = pending({ added: new Set(['capteurs']), modified: new Set(['vanne']), removed: mapOf([makeShape('ellipse', { id: 'e' })]) });
    expect(announcementFor(changes, lookupIn([capteurs, vanne]), fr, names)).toBe(
      'Nadia Benali a ajouté un post-it « Capteurs de fuite ». Un autre participant a modifié un rectangle « Vanne ». Un autre participant a supprimé une ellipse.',
    );
  });

  it('counts a frame moved or deleted with its content as one change', () => {
    const frame = makeShape('frame', { id: 'cadre', title: 'Idées', w: 1000, h: 1000 });
    const inside = [1, 2].map((n) => makeShape('sticky', { id: `n${n}`, parent: 'cadre' }));
    const moved = pending({ modified: new Set(['cadre', 'n1', 'n2']) });
    expect(announcementFor(moved, lookupIn([frame, ...inside]), fr)).toBe('Un autre participant a modifié un cadre « Idées ».');
    expect(announcementFor(pending({ removed: mapOf([frame, ...inside]) }), lookupIn([]), fr)).toBe('Un autre participant a supprimé un cadre « Idées ».');
  });

  it('leaves out arrows re-routed by another change, but not arrows changed on their own', () => {
    const arrow = makeShape('connector', { id: 'fleche', start: { kind: 'shape', shapeId: 'vanne', ax: 0, ay: 0.5 } });
    const lookup = lookupIn([vanne, arrow]);
    expect(announcementFor(pending({ modified: new Set(['vanne', 'fleche']) }), lookup, fr)).toBe('Un autre participant a modifié un rectangle « Vanne ».');
    expect(announcementFor(pending({ modified: new Set(['fleche']), removed: mapOf([capteurs]) }), lookup, fr)).toBe(
      'Un autre participant a supprimé un post-it « Capteurs de fuite ».',
    );
    expect(announcementFor(pending({ modified: new Set(['fleche']) }), lookup, fr)).toBe(
      'Un autre participant a modifié une flèche de « Vanne » vers un point libre.',
    );
  });

  it('has nothing to say of shapes gone since', () => {
    expect(announcementFor(pending({ added: new Set(['capteurs']), modified: new Set(['vanne']) }), lookupIn([]), fr)).toBeNull();
  });
});

describe('announcementDelay', () => {
  it('lets a burst settle, and keeps announcements apart', () => {
    expect(announcementDelay(10_000, -Infinity)).toBe(SETTLE_MS);
    expect(announcementDelay(10_000, 9_000)).toBe(MIN_INTERVAL_MS - 1_000);
    expect(announcementDelay(10_000, 5_000)).toBe(SETTLE_MS);
  });
});

describe('isQuietRepeat', () => {
  const last = { at: 1_000, modified: new Set(['capteurs']) };

  it('silences further changes to the shapes just announced', () => {
    expect(isQuietRepeat(pending({ modified: new Set(['capteurs']) }), last, 1_000 + QUIET_REPEAT_MS - 1)).toBe(true);
  });

  it('speaks again after a silence, for other shapes, or for additions and deletions', () => {
    expect(isQuietRepeat(pending({ modified: new Set(['capteurs']) }), last, 1_000 + QUIET_REPEAT_MS)).toBe(false);
    expect(isQuietRepeat(pending({ modified: new Set(['capteurs', 'vanne']) }), last, 2_000)).toBe(false);
    expect(isQuietRepeat(pending({ modified: new Set(['capteurs']), added: new Set(['vanne']) }), last, 2_000)).toBe(false);
    expect(isQuietRepeat(pending({ modified: new Set(['capteurs']) }), null, 2_000)).toBe(false);
  });
});
