/**
 * The awareness (presence) states of one room, kept as the raw entries clients sent so relaying
 * never re-serialises JSON. Each client id belongs to the connection that first announced it:
 * only that connection may change or remove it. Stock y-websocket clients re-broadcast every
 * remote awareness change they apply, so entries for someone else's id at a clock we already
 * have are normal echoes and are dropped silently; a newer clock for someone else's id is a claim
 * and is refused.
 */
import type { AwarenessEntry } from './protocol.ts';

interface OwnedEntry {
  clock: number;
  /** Raw JSON text; absent from the map once removed. */
  state: string;
  owner: object;
}

export type AwarenessApplyResult =
  | { ok: true; changed: AwarenessEntry[]; takenFrom: object[] }
  | { ok: false; reason: string };

export class AwarenessState {
  private readonly entries = new Map<number, OwnedEntry>();
  /** Clocks of removed clients, so a stale echo cannot bring a departed client back. */
  private readonly removedClocks = new Map<number, number>();

  get size(): number {
    return this.entries.size;
  }

  /**
   * Applies what `owner` sent. Returns the entries to relay to everyone (in the order received),
   * or a refusal when `owner` tries to change a client id that another connection owns.
   * `mayTakeOver(previousOwner)` lets a reconnected client reclaim its id from a connection that
   * went silent (a half-open socket the server has not noticed yet); the previous owners are
   * returned in `takenFrom` so the caller can close them.
   */
  apply(owner: object, incoming: readonly AwarenessEntry[], mayTakeOver: (previousOwner: object) => boolean = () => false): AwarenessApplyResult {
    const takenFrom: object[] = [];
    for (const entry of incoming) {
      const current = this.entries.get(entry.clientId);
      if (current && current.owner !== owner && entry.clock > current.clock) {
        if (!mayTakeOver(current.owner)) {
          return { ok: false, reason: `awareness claims client ${entry.clientId} of another connection` };
        }
        takenFrom.push(current.owner);
      }
    }
    for (const previous of takenFrom) {
      for (const entry of this.entries.values()) if (entry.owner === previous) entry.owner = owner;
    }
    const changed: AwarenessEntry[] = [];
    for (const entry of incoming) {
      const current = this.entries.get(entry.clientId);
      if (current) {
        if (current.owner !== owner) continue; // echo of someone else's state
        const removal = entry.state === 'null';
        // Same rule as y-protocols: a newer clock wins; at the same clock only a removal applies.
        if (entry.clock < current.clock || (entry.clock === current.clock && !removal)) continue;
        if (removal) this.remove(entry.clientId, entry.clock);
        else this.entries.set(entry.clientId, { clock: entry.clock, state: entry.state, owner });
        changed.push(entry);
      } else {
        if (entry.state === 'null') continue; // removing what is not there changes nothing
        if (entry.clock <= (this.removedClocks.get(entry.clientId) ?? -1)) continue;
        this.removedClocks.delete(entry.clientId);
        this.entries.set(entry.clientId, { clock: entry.clock, state: entry.state, owner });
        changed.push(entry);
      }
    }
    return { ok: true, changed, takenFrom };
  }

  /** Removes every state `owner` announced (its connection closed); returns the removals to relay. */
  removeOwner(owner: object): AwarenessEntry[] {
    const removed: AwarenessEntry[] = [];
    for (const [clientId, entry] of this.entries) {
      if (entry.owner !== owner) continue;
      const clock = entry.clock + 1;
      this.remove(clientId, clock);
      removed.push({ clientId, clock, state: 'null' });
    }
    return removed;
  }

  /** Every present state, for a joining client or a query-awareness message. */
  all(): AwarenessEntry[] {
    return [...this.entries].map(([clientId, { clock, state }]) => ({ clientId, clock, state }));
  }

  private remove(clientId: number, clock: number): void {
    this.entries.delete(clientId);
    this.removedClocks.set(clientId, clock);
  }
}
