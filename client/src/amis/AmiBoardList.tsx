import type { AmiDetailView, BoardView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { BoardBadges } from '../boards/BoardBadges.tsx';
import { UnreadComments } from '../boards/UnreadComments.tsx';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';

/** Workshops (shared by everyone) first, then the proposals, each in French alphabetical order. */
function byKindThenTitle(a: BoardView, b: BoardView): number {
  if (a.kind !== b.kind) return a.kind === 'atelier' ? -1 : 1;
  return a.title.localeCompare(b.title, 'fr', { sensitivity: 'base' });
}

export function AmiBoardList({ ami }: { ami: AmiDetailView }) {
  const { t } = useI18n();
  // The badges come after the list: a failure to count leaves the boards as they are.
  const unread = useApi(() => call(() => api.amis[':amiId']['unread-comments'].$get({ param: { amiId: ami.id } })), [ami.id]);
  const unreadOn = (boardId: string) => (unread.state.status === 'ready' ? unread.state.data.boards[boardId] : undefined);
  return (
    <section className="card" aria-labelledby="boards-title">
      <div className="section-header">
        <h2 id="boards-title">
          {t('ami.boards.title')} <span className="count">({ami.boards.length})</span>
        </h2>
        {ami.allowed.includes('board.create') && (
          <Link href={paths.boardNew(ami.id)} className="button button--small">
            {t('ami.boards.new')}
          </Link>
        )}
      </div>
      {ami.boards.length === 0 ? (
        <p className="muted">{t('ami.boards.none')}</p>
      ) : (
        <ul className="board-list" data-testid="board-list">
          {[...ami.boards].sort(byKindThenTitle).map((board) => (
            <li key={board.id} className="board-list__item">
              <Link href={paths.board(ami.id, board.id)} className="board-list__title">
                {board.title}
              </Link>
              <p className="board-list__meta">
                <span className="pill pill--kind">{t(`board.kind.${board.kind}`)}</span>
                <span>{board.organisation.name}</span>
                <BoardBadges board={board} />
                <UnreadComments count={unreadOn(board.id)} />
                {board.role !== ami.role && <span className="role">{t('role.yours', { role: t(`role.${board.role}`) })}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
