/**
 * The board's writes and undo, stopped while the connection is read-only. The server refuses a
 * reader's updates anyway; stopping them here keeps the reader's copy equal to everyone else's
 * (a refused update would otherwise stay in their document, and in its offline copy).
 */
import type { BoardCommands, BoardHistory } from '../engine/board-document.ts';

/** `write`, doing nothing while read-only. */
function unless<A extends unknown[]>(readOnly: () => boolean, write: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    if (!readOnly()) write(...args);
  };
}

export function guardCommands(commands: BoardCommands, readOnly: () => boolean): BoardCommands {
  return {
    add: unless(readOnly, commands.add.bind(commands)),
    update: unless(readOnly, commands.update.bind(commands)),
    move: unless(readOnly, commands.move.bind(commands)),
    remove: unless(readOnly, commands.remove.bind(commands)),
    reorder: unless(readOnly, commands.reorder.bind(commands)),
    transact: unless(readOnly, commands.transact.bind(commands)),
  };
}

export function guardHistory(history: BoardHistory, readOnly: () => boolean): BoardHistory {
  return {
    undo: unless(readOnly, () => history.undo()),
    redo: unless(readOnly, () => history.redo()),
    canUndo: () => !readOnly() && history.canUndo(),
    canRedo: () => !readOnly() && history.canRedo(),
    stopCapturing: () => history.stopCapturing(),
    subscribe: (listener) => history.subscribe(listener),
  };
}
