import * as Y from 'yjs';
import type { BoardHistory } from './board-document.ts';

/**
 * Changes closer together than this merge into one undo step: typing a word in a note is one
 * step, not one per letter. Gestures are separated explicitly with `stopCapturing`.
 */
export const CAPTURE_TIMEOUT_MS = 500;

/**
 * Undo and redo over the board's shapes map, of the local user's own changes only.
 *
 * Only transactions whose origin is `localOrigin` are tracked (the document layer writes with it),
 * so changes from peers, which arrive with the provider's origin, are never undone; Y.UndoManager
 * also never overwrites a peer's later change to the same field (B recolours the note A moved:
 * A's undo moves it back and the colour stays).
 */
/** The board's shapes map (whatever Y type the document layer keeps them in). */
type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0];

export class YjsHistory implements BoardHistory {
  private readonly manager: Y.UndoManager;

  constructor(shapes: UndoScope, localOrigin: object, captureTimeout = CAPTURE_TIMEOUT_MS) {
    this.manager = new Y.UndoManager(shapes, { trackedOrigins: new Set([localOrigin]), captureTimeout });
  }

  undo(): void {
    this.manager.undo();
  }

  redo(): void {
    this.manager.redo();
  }

  canUndo(): boolean {
    return this.manager.canUndo();
  }

  canRedo(): boolean {
    return this.manager.canRedo();
  }

  stopCapturing(): void {
    this.manager.stopCapturing();
  }

  subscribe(listener: () => void): () => void {
    const notify = () => listener();
    this.manager.on('stack-item-added', notify);
    this.manager.on('stack-item-popped', notify);
    this.manager.on('stack-cleared', notify);
    return () => {
      this.manager.off('stack-item-added', notify);
      this.manager.off('stack-item-popped', notify);
      this.manager.off('stack-cleared', notify);
    };
  }

  destroy(): void {
    this.manager.destroy();
  }
}
