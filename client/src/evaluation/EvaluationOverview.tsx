/**
 * The AMI's evaluation page: the proposals the viewer scores, the ranking (or when it will be
 * out), the grid, and — for the AMI's admins — every expert's evaluations.
 */
import type { AmiDetailView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useI18n } from '../i18n/index.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';
import { GridSection } from './GridSection.tsx';
import { ProposalsToScore } from './ProposalsToScore.tsx';
import { PublicationLine } from './PublicationLine.tsx';
import { RankingSection } from './RankingSection.tsx';
import { ReviewsSection } from './ReviewsSection.tsx';
import './evaluation.css';

export function EvaluationOverview({ ami }: { ami: AmiDetailView }) {
  const { t } = useI18n();
  const { state, reload, replace } = useApi(() => call(() => api.amis[':amiId'].evaluation.$get({ param: { amiId: ami.id } })), [ami.id]);
  useDocumentTitle(`${t('evaluation.title')} – ${ami.title}`);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  const evaluation = state.data;
  const allowed = new Set(evaluation.allowed);
  const scores = evaluation.proposals.some((row) => row.canScore || row.mine !== null);

  return (
    <div className="evaluation-page">
      <BackLink href={paths.ami(ami.id)}>{t('ami.back', { title: ami.title })}</BackLink>
      <header className="page-header page-header--stacked">
        <p className="eyebrow">{ami.title}</p>
        <h1 id="page-heading" tabIndex={-1}>
          {t('evaluation.title')}
        </h1>
        <PublicationLine publication={evaluation.publication} admin={allowed.has('evaluation.viewAllScores')} />
      </header>
      {scores && <ProposalsToScore ami={ami} evaluation={evaluation} />}
      <RankingSection ami={ami} evaluation={evaluation} onPublicationChanged={replace} />
      <GridSection evaluation={evaluation} onChanged={replace} />
      {allowed.has('evaluation.viewAllScores') && <ReviewsSection ami={ami} evaluation={evaluation} />}
    </div>
  );
}
