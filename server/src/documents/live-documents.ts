/**
 * The server's own access to documents, for what clients may not write themselves (comments,
 * restored versions): a change is applied to the document everyone has open, so it reaches every
 * connected browser live, and is stored through the same log as clients' updates.
 */
import * as Y from 'yjs';
import type { RoomRegistry } from '../sync/registry.ts';

/** The origin of the server's own transactions (no connection is skipped when they go out). */
export const SERVER_ORIGIN = Symbol('server');

export class LiveDocuments {
  constructor(private readonly registry: RoomRegistry) {}

  /**
   * Runs `change` in one transaction on the live document (loaded from storage if nobody has it
   * open) and resolves once what it wrote is durable; rejects if it could not be stored.
   */
  async change<T>(name: string, change: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.registry.acquire(name);
    try {
      if (room.isBroken) throw new Error(`document ${name} is being reloaded`);
      const result = room.doc.transact(() => change(room.doc), SERVER_ORIGIN);
      await room.whenIdle();
      if (room.isBroken) throw new Error(`document ${name} could not be stored`);
      return result;
    } finally {
      this.registry.release(name);
    }
  }

  /** The document's current state as an update (what a client would receive on opening it). */
  async state(name: string): Promise<Uint8Array> {
    const room = await this.registry.acquire(name);
    try {
      return Y.encodeStateAsUpdate(room.doc);
    } finally {
      this.registry.release(name);
    }
  }
}
