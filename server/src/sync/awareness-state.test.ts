import { describe, expect, it } from 'vitest';
import { AwarenessState } from './awareness-state.ts';

const alice = {};
const bob = {};
const entry = (clientId: number, clock: number, state: unknown) => ({ clientId, clock, state: JSON.stringify(state) });

describe('AwarenessState', () => {
  it('relays a new state and its updates from its owner', () => {
    const state = new AwarenessState();
    expect(state.apply(alice, [entry(1, 0, { name: 'A' })])).toEqual({ ok: true, changed: [entry(1, 0, { name: 'A' })], takenFrom: [] });
    expect(state.apply(alice, [entry(1, 1, { name: 'A2' })])).toEqual({ ok: true, changed: [entry(1, 1, { name: 'A2' })], takenFrom: [] });
    expect(state.all()).toEqual([entry(1, 1, { name: 'A2' })]);
  });

  it('relays a renewal at a higher clock even when the state is the same (keeps idle clients alive)', () => {
    const state = new AwarenessState();
    state.apply(alice, [entry(1, 0, { name: 'A' })]);
    expect(state.apply(alice, [entry(1, 1, { name: 'A' })])).toEqual({ ok: true, changed: [entry(1, 1, { name: 'A' })], takenFrom: [] });
  });

  it('drops echoes of another connection’s state without refusing the echoing connection', () => {
    const state = new AwarenessState();
    state.apply(alice, [entry(1, 3, { name: 'A' })]);
    expect(state.apply(bob, [entry(1, 3, { name: 'A' }), entry(2, 0, { name: 'B' })])).toEqual({
      ok: true,
      changed: [entry(2, 0, { name: 'B' })],
      takenFrom: [],
    });
    // A peer timing Alice out sends her id with state null at the same clock: ignored, she is alive.
    expect(state.apply(bob, [entry(1, 3, null)])).toEqual({ ok: true, changed: [], takenFrom: [] });
    expect(state.size).toBe(2);
  });

  it('refuses a newer clock for a client id owned by another connection', () => {
    const state = new AwarenessState();
    state.apply(alice, [entry(1, 3, { name: 'A' })]);
    const result = state.apply(bob, [entry(2, 0, { name: 'B' }), entry(1, 4, { name: 'pirate' })]);
    expect(result.ok).toBe(false);
    expect(state.all()).toEqual([entry(1, 3, { name: 'A' })]);
  });

  it('lets a reconnected client reclaim its id from a connection allowed to be taken over', () => {
    const state = new AwarenessState();
    state.apply(alice, [entry(1, 3, { name: 'A' }), entry(7, 0, { name: 'A-bis' })]);
    const result = state.apply(bob, [entry(1, 4, { name: 'A' })], (previous) => previous === alice);
    expect(result).toEqual({ ok: true, changed: [entry(1, 4, { name: 'A' })], takenFrom: [alice] });
    // Everything the silent connection owned moves with it, so closing it later removes nothing.
    expect(state.removeOwner(alice)).toEqual([]);
    expect(state.removeOwner(bob)).toHaveLength(2);
  });

  it('removes an owner’s states when it leaves, and a stale echo does not resurrect them', () => {
    const state = new AwarenessState();
    state.apply(alice, [entry(1, 3, { name: 'A' })]);
    expect(state.removeOwner(alice)).toEqual([entry(1, 4, null)]);
    expect(state.size).toBe(0);
    expect(state.apply(bob, [entry(1, 3, { name: 'A' })])).toEqual({ ok: true, changed: [], takenFrom: [] });
    // The same client reconnecting announces itself with a newer clock and is welcome back.
    expect(state.apply(bob, [entry(1, 5, { name: 'A' })]).ok).toBe(true);
    expect(state.size).toBe(1);
  });

  it('applies a removal at the same clock from the owner', () => {
    const state = new AwarenessState();
    state.apply(alice, [entry(1, 3, { name: 'A' })]);
    expect(state.apply(alice, [entry(1, 3, null)])).toEqual({ ok: true, changed: [entry(1, 3, null)], takenFrom: [] });
    expect(state.size).toBe(0);
  });
});
