/**
 * Workshop state (timer, vote sessions) as React state. It lives in the document's `board` map
 * (layout in shared `board/workshop.ts`), so only changes there re-read it, not shape edits.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

const WORKSHOP_MAP = 'board';

/** `read` must be a stable function (a module-level reader such as `readTimer`). */
export function useBoardState<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(doc));
  useEffect(() => {
    const board = doc.getMap<unknown>(WORKSHOP_MAP);
    const refresh = () => setValue(() => read(doc));
    refresh();
    board.observeDeep(refresh);
    return () => board.unobserveDeep(refresh);
  }, [doc, read]);
  return value;
}
