import type { BoardView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useAction } from '../forms/use-action.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { ConfirmAction } from '../ui/ConfirmAction.tsx';

/** Archiving makes a board read-only for everyone; admins can take it back. */
export function ArchivePanel({ board, onChanged }: { board: BoardView; onChanged: (board: BoardView) => void }) {
  const { t } = useI18n();
  const action = useAction();
  const archived = !board.archived;
  const setArchived = () =>
    action.run(() => call(() => api.amis[':amiId'].boards[':boardId'].$patch({ param: { amiId: board.amiId, boardId: board.id }, json: { archived } })), onChanged);

  return (
    <section className="card" aria-labelledby="archive-title">
      <h2 id="archive-title">{t('boardForm.archive.title')}</h2>
      <p>{board.archived ? t('boardForm.archive.isArchived') : t('boardForm.archive.explain')}</p>
      <ActionAlert message={action.error} />
      <ConfirmAction
        label={board.archived ? t('boardForm.unarchive') : t('boardForm.archive')}
        question={board.archived ? t('boardForm.unarchive.question') : t('boardForm.archive.question')}
        confirmLabel={board.archived ? t('boardForm.unarchive') : t('boardForm.archive')}
        busy={action.busy}
        onConfirm={setArchived}
        danger={!board.archived}
      />
    </section>
  );
}
