/**
 * The versions panel of a board: its endpoints, and its preview (the SVG export) and comparison
 * (shapes). Kept apart from the text's, so that the board page does not load the text editor.
 */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { BoardVersionCompare } from './BoardVersionCompare.tsx';
import { BoardVersionPreview } from './BoardVersionPreview.tsx';
import { boardVersionEndpoints } from './version-endpoints.ts';
import { VersionsPanel } from './VersionsPanel.tsx';

export function BoardVersionsPanel({ amiId, boardId, boardTitle, doc }: { amiId: string; boardId: string; boardTitle: string; doc: Y.Doc }) {
  const endpoints = useMemo(() => boardVersionEndpoints(amiId, boardId), [amiId, boardId]);
  return (
    <VersionsPanel
      endpoints={endpoints}
      liveDoc={doc}
      renderPreview={(version) => <BoardVersionPreview doc={version} amiId={amiId} title={boardTitle} />}
      renderCompare={(version, current) => <BoardVersionCompare version={version} current={current} />}
    />
  );
}
