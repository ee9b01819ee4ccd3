import type { Id } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { EvaluationOverview } from '../evaluation/EvaluationOverview.tsx';
import { ScoringPage } from '../evaluation/ScoringPage.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';

/** « Évaluation » of an AMI: the overview, or — with a board — the viewer's scoring of that proposal. */
export function EvaluationPage({ amiId, boardId }: { amiId: Id; boardId: Id | null }) {
  const { state, reload } = useApi(() => call(() => api.amis[':amiId'].$get({ param: { amiId } })), [amiId]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  return boardId === null ? <EvaluationOverview ami={state.data} /> : <ScoringPage key={boardId} ami={state.data} boardId={boardId} />;
}
