import type { AmiDetailView, BoardView, MeView } from '@eprouvette/shared';
import { api, call, type ApiResult } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { BoardBadges } from '../boards/BoardBadges.tsx';
import { boardReadOnlyReason } from '../boards/read-only-reason.ts';
import { SharedTextEditor } from '../editor/SharedTextEditor.tsx';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ConnectionBadge } from '../sync/ConnectionBadge.tsx';
import { PresenceList } from '../sync/PresenceList.tsx';
import { useConnection, usePresence, useSessionCheckOnRefusal, useSyncSession } from '../sync/hooks.ts';
import { userIdentity } from '../sync/identity.ts';
import { BackLink } from '../ui/BackLink.tsx';
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
 * The board's header and its shared notes. The whiteboard canvas comes later; the notes already
 * live in the board's own document, read-only whenever the server says so.
 */
function LiveBoard({ ami, board, me }: { ami: AmiDetailView; board: BoardView; me: MeView }) {
  const { t } = useI18n();
  const session = useSyncSession(board.documentName, userIdentity(me));
  const connection = useConnection(session);
  const participants = usePresence(session);
  useSessionCheckOnRefusal(connection);
  const readOnly = connection.access === 'read-only';
  const canEditDetails = METADATA_ACTIONS.some((action) => board.allowed.includes(action));

  return (
    <div className="document">
      <BackLink href={paths.ami(ami.id)}>{t('ami.back', { title: ami.title })}</BackLink>
      <div className="document__header">
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
          {canEditDetails && (
            <Link href={paths.boardEdit(ami.id, board.id)} className="button button--secondary button--small">
              {t('board.edit')}
            </Link>
          )}
          <ConnectionBadge connection={connection} />
        </div>
      </div>
      <p className="muted board-note">{t('board.canvasLater')}</p>
      <div className="document__layout">
        <SharedTextEditor
          label={t('board.notes')}
          text={session?.text ?? null}
          status={connection.refusedCode !== null ? 'unavailable' : connection.loaded ? 'ready' : 'loading'}
          readOnlyReason={readOnly ? t(boardReadOnlyReason(board, ami)) : null}
        />
        <PresenceList participants={participants} />
      </div>
    </div>
  );
}
