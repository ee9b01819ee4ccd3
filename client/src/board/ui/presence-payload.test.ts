import { describe, expect, it } from 'vitest';
import { makeShape } from '../engine/testing/shapes.ts';
import { boardPresence, PeerReader, PRESENCE_FIELD, MAX_SHARED_SHAPES } from './presence-payload.ts';

const id = (n: number) => `a${'b'.repeat(14)}${'cdefghijklmnopqrstuvwxyz234567'[n % 30]}`;
const user = { name: 'Camille', color: '#1d5fa8' };

describe('boardPresence', () => {
  it('sends the cursor, the selection and the gesture', () => {
    const preview = { kind: 'move', ids: [id(1)], dx: 3, dy: 4 } as const;
    expect(boardPresence({ x: 1, y: 2 }, new Set([id(1)]), preview, false)).toEqual({ cursor: { x: 1, y: 2 }, selection: [id(1)], preview });
  });

  it('leaves out selections and drags too large to send', () => {
    const ids = Array.from({ length: MAX_SHARED_SHAPES + 1 }, (_, n) => `${n}`);
    const presence = boardPresence(null, new Set(ids), { kind: 'move', ids, dx: 1, dy: 1 }, false);
    expect(presence.selection).toEqual([]);
    expect(presence.preview).toBeNull();
  });

  it('sends a thinned copy of a stroke being drawn', () => {
    const points = Array.from({ length: 1000 }, (_, n): [number, number, number] => [n, n, 0.5]);
    const presence = boardPresence(null, new Set(), { kind: 'create', shape: makeShape('draw', { id: id(2), points }) }, false);
    expect(presence.preview?.kind === 'create' && presence.preview.shape.type === 'draw' && presence.preview.shape.points.length).toBeLessThanOrEqual(200);
  });

  it('shows no gesture of a read-only participant but their marquee', () => {
    expect(boardPresence(null, new Set(), { kind: 'move', ids: [id(1)], dx: 1, dy: 1 }, true).preview).toBeNull();
    const marquee = { kind: 'marquee', rect: { x: 0, y: 0, w: 5, h: 5 } } as const;
    expect(boardPresence(null, new Set(), marquee, true).preview).toEqual(marquee);
  });
});

describe('PeerReader', () => {
  it('reads the others, never this tab', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Moi', color: '#1d5fa8' } }],
      [2, { user, [PRESENCE_FIELD]: { cursor: { x: 10, y: 20 }, selection: [id(1)], preview: null } }],
    ]);
    expect(new PeerReader().peers(states, 1)).toEqual([{ clientId: 2, ...user, cursor: { x: 10, y: 20 }, selection: [id(1)], preview: null }]);
  });

  it('keeps a peer whose board state is malformed, without it', () => {
    const states = new Map<number, unknown>([[2, { user, [PRESENCE_FIELD]: { cursor: { x: 'NaN' }, selection: 'all', preview: { kind: 'explode' } } }]]);
    expect(new PeerReader().peers(states, 1)).toEqual([{ clientId: 2, ...user, cursor: null, selection: [], preview: null }]);
  });

  it('validates shapes being drawn and drops resize keys that are not geometry', () => {
    const states = new Map<number, unknown>([
      [2, { user, [PRESENCE_FIELD]: { cursor: null, selection: [], preview: { kind: 'create', shape: { id: id(1), type: 'rect', x: 0 } } } }],
      [3, { user, [PRESENCE_FIELD]: { cursor: null, selection: [], preview: { kind: 'resize', patches: [{ id: id(1), changes: { w: 40, text: 'pirate' } }] } } }],
    ]);
    const [drawing, resizing] = new PeerReader().peers(states, 1);
    expect(drawing?.preview).toBeNull();
    expect(resizing?.preview).toEqual({ kind: 'resize', patches: [{ id: id(1), changes: { w: 40 } }] });
  });

  it('skips states without a valid identity, and reads each state object once', () => {
    const state = { user, [PRESENCE_FIELD]: { cursor: null, selection: [], preview: null } };
    const reader = new PeerReader();
    const first = reader.peers(new Map<number, unknown>([[2, state], [3, { user: { name: '' } }]]), 1);
    const second = reader.peers(new Map<number, unknown>([[2, state]]), 1);
    expect(first).toHaveLength(1);
    expect(second[0]).toBe(first[0]);
  });
});
