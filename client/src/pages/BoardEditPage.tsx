import type { AmiDetailView, BoardPatch, BoardView, OrganisationView } from '@eprouvette/shared';
import { api, call, type ApiResult } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { ArchivePanel } from '../boards/ArchivePanel.tsx';
import { BoardForm, type BoardValues } from '../boards/BoardForm.tsx';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';

interface Loaded {
  ami: AmiDetailView;
  board: BoardView;
  organisations: OrganisationView[];
}

/** Only the fields that changed are sent: each one needs its own permission on the server. */
function changes(board: BoardView, values: BoardValues): BoardPatch {
  const patch: BoardPatch = {};
  if (values.title !== board.title) patch.title = values.title;
  if (values.kind !== board.kind) patch.kind = values.kind;
  if (values.organisationId !== board.organisation.id) patch.organisationId = values.organisationId;
  // A board that stops being a proposal is unrestricted by the server itself.
  if (values.kind === 'proposition' && values.restricted !== board.restricted) patch.restricted = values.restricted;
  return patch;
}

export function BoardEditPage({ amiId, boardId }: { amiId: string; boardId: string }) {
  const { t } = useI18n();
  const { state, reload, replace } = useApi(async (): Promise<ApiResult<Loaded>> => {
    const [ami, board] = await Promise.all([
      call(() => api.amis[':amiId'].$get({ param: { amiId } })),
      call(() => api.amis[':amiId'].boards[':boardId'].$get({ param: { amiId, boardId } })),
    ]);
    if (!ami.ok) return ami;
    if (!board.ok) return board;
    if (!board.data.allowed.includes('board.transfer')) return { ok: true, data: { ami: ami.data, board: board.data, organisations: [] } };
    const organisations = await call(() => api.organisations.$get());
    return organisations.ok ? { ok: true, data: { ami: ami.data, board: board.data, organisations: organisations.data } } : organisations;
  }, [amiId, boardId]);
  useDocumentTitle(t('boardForm.edit.title'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  const { ami, board, organisations } = state.data;
  const allowed = new Set(board.allowed);
  const editable = {
    title: allowed.has('board.editMetadata'),
    kind: allowed.has('board.editMetadata'),
    organisation: allowed.has('board.transfer'),
    restricted: allowed.has('board.restrict'),
  };
  const canArchive = allowed.has(board.archived ? 'board.unarchive' : 'board.archive');
  const canEdit = Object.values(editable).some(Boolean);

  const save = async (values: BoardValues): Promise<ApiResult<{ id: string }>> => {
    const patch = changes(board, values);
    if (Object.keys(patch).length === 0) return { ok: true, data: board };
    return call(() => api.amis[':amiId'].boards[':boardId'].$patch({ param: { amiId, boardId }, json: patch }));
  };

  return (
    <div className="form-page">
      <BackLink href={paths.board(amiId, boardId)}>{t('board.back', { title: board.title })}</BackLink>
      <h1 id="page-heading" tabIndex={-1}>
        {t('boardForm.edit.title')}
      </h1>
      <p className="muted">{t('boardForm.edit.intro', { board: board.title, ami: ami.title })}</p>
      {canEdit && (
        <BoardForm
          initial={{ title: board.title, kind: board.kind, organisationId: board.organisation.id, restricted: board.restricted }}
          editable={editable}
          organisations={organisations}
          submitLabel={t('action.save')}
          cancelHref={paths.board(amiId, boardId)}
          save={save}
          onSaved={() => navigate(paths.board(amiId, boardId))}
        />
      )}
      {canArchive && <ArchivePanel board={board} onChanged={(changed) => replace({ ami, board: changed, organisations })} />}
      {!canEdit && !canArchive && <p className="load-failure">{t('boardForm.edit.notAllowed')}</p>}
    </div>
  );
}
