import type { AmiDetailView, BoardView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useI18n } from '../i18n/index.ts';

/**
 * On a proposal board, the way to the viewer's scoring form, as the server decides it: shown to
 * those who may score it or have an evaluation of it, with its state.
 */
export function ProposalEvaluationLink({ ami, board }: { ami: AmiDetailView; board: BoardView }) {
  const { t } = useI18n();
  const { state } = useApi(() => call(() => api.amis[':amiId'].evaluation.boards[':boardId'].$get({ param: { amiId: ami.id, boardId: board.id } })), [ami.id, board.id]);
  if (state.status !== 'ready' || (!state.data.canScore && state.data.status === null)) return null;
  const { status } = state.data;
  return (
    <Link href={paths.proposalScoring(ami.id, board.id)} className="button button--small">
      {status === null ? t('evaluation.boardLink.score') : t('evaluation.boardLink.mine', { status: t(`evaluation.status.${status}`).toLocaleLowerCase('fr') })}
    </Link>
  );
}
