import type { BoardView } from '@eprouvette/shared';
import { useI18n } from '../i18n/index.ts';

/** The badges of a board: restricted to its organisation, archived. */
export function BoardBadges({ board }: { board: Pick<BoardView, 'restricted' | 'archived'> }) {
  const { t } = useI18n();
  return (
    <>
      {board.restricted && <span className="pill pill--restricted">{t('board.restricted')}</span>}
      {board.archived && <span className="pill pill--archived">{t('board.archived')}</span>}
    </>
  );
}
