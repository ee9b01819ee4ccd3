/**
 * What plugs into the board layout's slots, wired from the board context: the export menu, the
 * workshop tools (templates, timer, dot voting, follow mode) and the accessible side of the board
 * (list view, keyboard creation and connection, announcements of others' changes).
 */
import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { BoardListView } from '../a11y/BoardListView.tsx';
import { ChangeAnnouncer, type ChangeReportListener } from '../a11y/ChangeAnnouncer.tsx';
import { ConnectToPanel } from '../a11y/ConnectToPanel.tsx';
import { KeyboardCreatePanel } from '../a11y/KeyboardCreatePanel.tsx';
import { KeyboardHelp } from '../a11y/KeyboardHelp.tsx';
import { viewportCenter, screenToWorld } from '../engine/camera.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { editorCamera } from '../workshop/editor-camera.ts';
import { FollowControls } from '../workshop/FollowControls.tsx';
import { randomId } from '../workshop/random-id.ts';
import { SharedTimer } from '../workshop/SharedTimer.tsx';
import { TemplatePicker } from '../workshop/TemplatePicker.tsx';
import { VotePanel } from '../workshop/VotePanel.tsx';
import { useBoard } from './board-context.ts';
import { useEditorState } from './use-editor-state.ts';

/** AMI admins and owners run the workshop: timer, votes, presenting. */
function useCanFacilitate(): boolean {
  const { boardView } = useBoard();
  return boardView.role === 'admin' || boardView.role === 'owner';
}

export function BoardExportMenu() {
  const { doc, board, editor, readOnly, ami, boardView } = useBoard();
  const selection = useEditorState(editor, (state) => state.selection);
  const importAt = useCallback(() => {
    const { camera, viewport } = editor.getState();
    return screenToWorld(camera, viewportCenter(viewport));
  }, [editor]);
  return (
    <ExportMenu
      doc={doc}
      source={board.source}
      selection={selection}
      boardTitle={boardView.title}
      amiId={ami.id}
      readOnly={readOnly}
      origin={board.origin}
      newId={randomId}
      importAt={importAt}
    />
  );
}

export function BoardWorkshopPanel() {
  const { doc, awareness, board, editor, readOnly, me } = useBoard();
  const canFacilitate = useCanFacilitate();
  // Stable for the page's life: a new object would restart follow mode.
  const camera = useMemo(() => editorCamera(editor), [editor]);
  return (
    <>
      <TemplatePicker doc={doc} origin={board.origin} editor={editor} author={me.id} newId={randomId} disabled={readOnly} />
      <SharedTimer doc={doc} origin={board.origin} me={me} canFacilitate={canFacilitate && !readOnly} />
      <VotePanel doc={doc} origin={board.origin} editor={editor} me={me} canFacilitate={canFacilitate} readOnly={readOnly} />
      <FollowControls awareness={awareness} camera={camera} canFacilitate={canFacilitate} />
    </>
  );
}

export function BoardAccessiblePanel({ loaded }: { loaded: boolean }) {
  const { doc, board, editor, readOnly, me } = useBoard();
  const subscribeChanges = useCallback(
    (listener: ChangeReportListener) => {
      // Whether the transaction being observed came from this tab (its own edits, undo, redo).
      let local = true;
      const onTransaction = (transaction: Y.Transaction) => {
        local = transaction.local;
      };
      doc.on('beforeObserverCalls', onTransaction);
      const stop = board.source.subscribe((changed, deleted) => listener(changed, deleted, local));
      return () => {
        doc.off('beforeObserverCalls', onTransaction);
        stop();
      };
    },
    [doc, board],
  );
  return (
    <>
      <KeyboardHelp />
      {!readOnly && <KeyboardCreatePanel editor={editor} />}
      {!readOnly && <ConnectToPanel source={board.source} editor={editor} commands={board.commands} author={me.id} />}
      <BoardListView source={board.source} editor={editor} />
      {/* After the first sync, or opening the board would be announced as everything added. */}
      {loaded && <ChangeAnnouncer source={board.source} subscribe={subscribeChanges} />}
    </>
  );
}
