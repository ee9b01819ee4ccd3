import { useMemo } from 'react';
import type { AmiDetailView, BoardView, MeView } from '@eprouvette/shared';
import { SinceLastVisit } from '../activity/SinceLastVisit.tsx';
import { api, call, type ApiResult } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { BoardBadges } from '../boards/BoardBadges.tsx';
import { boardReadOnlyReason } from '../boards/read-only-reason.ts';
import { BoardCommentsPanel } from '../board/comments/BoardCommentsPanel.tsx';
import { BoardCommentsProvider } from '../board/comments/BoardCommentsProvider.tsx';
import { BoardCanvas } from '../board/ui/BoardCanvas.tsx';
import { BoardContext, type BoardContextValue } from '../board/ui/board-context.ts';
import { BoardAccessiblePanel, BoardExportMenu, BoardWorkshopPanel } from '../board/ui/BoardPanels.tsx';
import { BoardLayout } from '../board/ui/BoardLayout.tsx';
import { Toolbar } from '../board/ui/Toolbar.tsx';
import { ZoomControls } from '../board/ui/ZoomControls.tsx';
import { useBoardEngine } from '../board/ui/use-board-engine.ts';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ConnectionBadge } from '../sync/ConnectionBadge.tsx';
import { PresenceList } from '../sync/PresenceList.tsx';
import { useConnection, usePresence, useSessionCheckOnRefusal, useSyncSession } from '../sync/hooks.ts';
import { userIdentity } from '../sync/identity.ts';
import { offlineStoreName } from '../sync/offline-copies.ts';
import { ProposalEvaluationLink } from '../evaluation/ProposalEvaluationLink.tsx';
import { PublishTemplateButton } from '../templates/PublishTemplate.tsx';
import { BackLink } from '../ui/BackLink.tsx';
import { BoardVersionsPanel } from '../versions/BoardVersionsPanel.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';

const METADATA_ACTIONS = ['board.editMetadata', 'board.transfer', 'board.restrict', 'board.archive', 'board.unarchive'] as const;

interface Loaded {
  ami: AmiDetailView;
  board: BoardView;
}

export function BoardPage({ amiId, boardId, me }: { amiId: string; boardId: string; me: MeView }) {
  const { state, reload } = useApi(async (): Promise<ApiResult<Loaded>> => {
    const [ami, board] = await Promise.all([
      call(() => api.amis[':amiId'].$get({ param: { amiId } })),
      call(() => api.amis[':amiId'].boards[':boardId'].$get({ param: { amiId, boardId } })),
    ]);
    if (!ami.ok) return ami;
    return board.ok ? { ok: true, data: { ami: ami.data, board: board.data } } : board;
  }, [amiId, boardId]);
  useDocumentTitle(state.status === 'ready' ? state.data.board.title : null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  return <LiveBoard ami={state.data.ami} board={state.data.board} me={me} />;
}

/**
 * The board's header and the whiteboard. The board's document is also kept in the browser,
 * per account (two people sharing a browser never share a copy), so that it opens and can be
 * edited offline; edits merge when the connection returns. It is read-only whenever the server
 * says so, and, until the server has spoken, whenever the board's view does not allow editing.
 */
function LiveBoard({ ami, board, me }: { ami: AmiDetailView; board: BoardView; me: MeView }) {
  const { t } = useI18n();
  const session = useSyncSession(board.documentName, userIdentity(me), offlineStoreName(me.id, board.documentName));
  const connection = useConnection(session);
  const participants = usePresence(session);
  useSessionCheckOnRefusal(connection);
  const readOnly = connection.access === 'read-only' || (connection.access === 'unknown' && !board.allowed.includes('board.editContent'));
  const { engine, rejected } = useBoardEngine(session?.doc ?? null, me.id, readOnly);
  const canEditDetails = METADATA_ACTIONS.some((action) => board.allowed.includes(action));
  // One value per change of what it holds: every part of the board reads it.
  const context = useMemo<BoardContextValue | null>(
    () =>
      session === null || engine === null
        ? null
        : { doc: session.doc, awareness: session.awareness, board: engine.board, editor: engine.editor, readOnly, me, ami, boardView: board },
    [session, engine, readOnly, me, ami, board],
  );

  return (
    <div className="document board-page">
      <BackLink href={paths.ami(ami.id)}>{t('ami.back', { title: ami.title })}</BackLink>
      <div className="document__header board-page__header">
        <div className="document__heading">
          <h1 id="page-heading" tabIndex={-1} className="document__title">
            {board.title}
          </h1>
          <p className="board-meta">
            <span className="pill pill--kind">{t(`board.kind.${board.kind}`)}</span>
            <span>{board.organisation.name}</span>
            <span className="role">{t('role.yours', { role: t(`role.${board.role}`) })}</span>
            <BoardBadges board={board} />
          </p>
        </div>
        <div className="document__tools">
          {board.kind === 'proposition' && <ProposalEvaluationLink ami={ami} board={board} />}
          {canEditDetails && (
            <Link href={paths.boardEdit(ami.id, board.id)} className="button button--secondary button--small">
              {t('board.edit')}
            </Link>
          )}
          <ConnectionBadge connection={connection} />
        </div>
      </div>
      {rejected.length > 0 && (
        <p className="notice notice--info board-page__rejected">
          {rejected.length === 1 ? t('board.rejected.one') : t('board.rejected.other', { count: rejected.length })}
        </p>
      )}
      {connection.refusedCode !== null ? (
        <p className="load-failure">{t('board.unavailable')}</p>
      ) : context === null ? (
        <Loading />
      ) : (
        <BoardContext.Provider value={context}>
          <BoardCommentsProvider>
            <BoardLayout
              toolbar={<Toolbar readOnlyReason={readOnly ? t(boardReadOnlyReason(board, ami)) : null} />}
              canvas={<BoardCanvas loaded={connection.loaded} />}
              canvasControls={
                <>
                  <ZoomControls />
                  <SinceLastVisit loaded={connection.loaded} />
                </>
              }
              presence={<PresenceList participants={participants} />}
              exportMenu={
                <>
                  <BoardExportMenu />
                  {ami.allowed.includes('template.publish') && <PublishTemplateButton />}
                </>
              }
              workshop={<BoardWorkshopPanel />}
              versions={<BoardVersionsPanel amiId={ami.id} boardId={board.id} boardTitle={board.title} doc={context.doc} />}
              listView={<BoardAccessiblePanel loaded={connection.loaded} />}
              comments={<BoardCommentsPanel />}
            />
          </BoardCommentsProvider>
        </BoardContext.Provider>
      )}
    </div>
  );
}
