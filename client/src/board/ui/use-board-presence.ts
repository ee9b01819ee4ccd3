import { useEffect, useMemo, useRef } from 'react';
import type { Editor } from '../engine/editor.ts';
import type { Point } from '../engine/geometry/math.ts';
import type { BoardRenderer } from '../render/renderer.ts';
import { throttle } from '../presence/throttle.ts';
import type { Awareness } from '../../sync/session.ts';
import { boardPresence, PeerReader, PRESENCE_FIELD } from './presence-payload.ts';

/** At most 20 presence updates a second, the last one never lost (the end of a drag must arrive). */
const PRESENCE_INTERVAL_MS = 50;

/**
 * Sends our cursor, selection and gesture to the others through awareness, and shows theirs on
 * the renderer. Returns the function the canvas calls as the pointer moves (world units, or null
 * when it leaves the board).
 */
export function useBoardPresence(awareness: Awareness, editor: Editor, renderer: BoardRenderer | null, readOnly: boolean): (cursor: Point | null) => void {
  const cursor = useRef<Point | null>(null);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

  const publish = useMemo(
    () =>
      throttle(() => {
        const { selection, preview } = editor.getState();
        awareness.setLocalStateField(PRESENCE_FIELD, boardPresence(cursor.current, selection, preview, readOnlyRef.current));
      }, PRESENCE_INTERVAL_MS),
    [awareness, editor],
  );

  useEffect(() => {
    let { selection, preview } = editor.getState();
    const stop = editor.subscribe(() => {
      const state = editor.getState();
      if (state.selection === selection && state.preview === preview) return;
      ({ selection, preview } = state);
      publish();
    });
    return () => {
      stop();
      publish.cancel();
      awareness.setLocalStateField(PRESENCE_FIELD, null);
    };
  }, [awareness, editor, publish]);

  useEffect(() => {
    if (renderer === null) return;
    const reader = new PeerReader();
    const show = () => renderer.setPeers(reader.peers(awareness.getStates(), awareness.clientID));
    show();
    awareness.on('change', show);
    return () => awareness.off('change', show);
  }, [awareness, renderer]);

  return useMemo(
    () => (point: Point | null) => {
      cursor.current = point;
      publish();
    },
    [publish],
  );
}
