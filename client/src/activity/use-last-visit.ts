/**
 * « Ce qui a changé depuis ma dernière visite »: on opening a board, the snapshot the member left
 * last time (server side, per member and board) is compared with the board once it has arrived
 * from the server (`changesSince`); from then on, the visit is remembered — every minute while
 * the board changes, when the page is hidden or closed, and when the member leaves the board.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardChangesSince } from '@eprouvette/shared';
import { changesSince, readVisitSnapshot, visitSnapshot } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';

const SAVE_EVERY_MS = 60_000;
const NO_CHANGES: BoardChangesSince = { added: [], changed: [], deleted: [] };

/** The last visit as read from the server: a snapshot, a first visit (null), or unknown (failed to load). */
type LastVisit = { known: true; snapshot: Y.Snapshot | null } | { known: false };

/** The changes since the member's last visit, once the board has loaded; null until then. */
export function useChangesSinceLastVisit(amiId: string, boardId: string, doc: Y.Doc, loaded: boolean): BoardChangesSince | null {
  const [lastVisit, setLastVisit] = useState<LastVisit | null>(null);
  const [changes, setChanges] = useState<BoardChangesSince | null>(null);

  useEffect(() => {
    let current = true;
    void call(() => api.amis[':amiId'].boards[':boardId']['last-visit'].$get({ param: { amiId, boardId } })).then((result) => {
      if (!current) return;
      if (!result.ok) return setLastVisit({ known: false });
      setLastVisit({ known: true, snapshot: result.data.snapshot === null ? null : readVisitSnapshot(fromBase64(result.data.snapshot)) });
    });
    return () => {
      current = false;
    };
  }, [amiId, boardId]);

  const ready = loaded && lastVisit !== null;
  useEffect(() => {
    if (!ready) return;
    setChanges(lastVisit.known && lastVisit.snapshot !== null ? changesSince(doc, lastVisit.snapshot) : NO_CHANGES);
    // Once per page: later changes are seen live, not « since the last visit ».
  }, [ready]);

  // The visit is remembered only once compared, and never when the last one could not be read
  // (that would overwrite it with a visit that showed nothing).
  const remember = ready && lastVisit.known;
  useEffect(() => {
    if (!remember) return;
    // Opening the board is a visit in itself, even if nothing changes while it is open.
    let unsaved = true;
    const onUpdate = () => {
      unsaved = true;
    };
    const save = (keepalive: boolean) => {
      if (!unsaved) return;
      unsaved = false;
      const snapshot = toBase64(visitSnapshot(doc));
      void call(() => api.amis[':amiId'].boards[':boardId']['last-visit'].$put({ param: { amiId, boardId }, json: { snapshot } }, { init: { keepalive } }));
    };
    const onHide = () => save(true);
    doc.on('update', onUpdate);
    window.addEventListener('pagehide', onHide);
    const timer = window.setInterval(() => save(false), SAVE_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', onHide);
      doc.off('update', onUpdate);
      // Sent even as the page goes away (an in-app link, a reload).
      save(true);
    };
  }, [remember, doc, amiId, boardId]);

  return changes;
}
