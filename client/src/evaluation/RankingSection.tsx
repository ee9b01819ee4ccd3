/**
 * « Classement »: for the AMI's admins all along (provisional until published, with « Actualiser »
 * since experts keep scoring), for every member once published; exports; publication for admins.
 * Members who may not see it yet are told when they will.
 */
import { useState } from 'react';
import type { AmiDetailView, EvaluationView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/index.ts';
import { Loading, LoadFailure } from '../ui/LoadState.tsx';
import { PublicationControls } from './PublicationControls.tsx';
import { CriterionAveragesTable, RankingTable } from './RankingTable.tsx';
import { ResultsExport } from './ResultsExport.tsx';

interface Props {
  ami: AmiDetailView;
  evaluation: EvaluationView;
  onPublicationChanged: (view: EvaluationView) => void;
}

export function RankingSection(props: Props) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="evaluation-ranking-title">
      {props.evaluation.allowed.includes('evaluation.viewResults') ? (
        <Ranking {...props} />
      ) : (
        <>
          <h2 id="evaluation-ranking-title">{t('evaluation.ranking.title')}</h2>
          <p className="muted">{t('evaluation.unpublished.members')}</p>
        </>
      )}
    </section>
  );
}

function Ranking({ ami, evaluation, onPublicationChanged }: Props) {
  const { t } = useI18n();
  const published = evaluation.publication !== null;
  // Read again whenever the publication changes (its date is in the view).
  const { state, reload } = useApi(() => call(() => api.amis[':amiId'].evaluation.results.$get({ param: { amiId: ami.id } })), [ami.id, evaluation.publication?.at ?? null]);
  const [refreshed, setRefreshed] = useState('');

  return (
    <>
      <div className="section-header">
        <h2 id="evaluation-ranking-title">{t('evaluation.ranking.title')}</h2>
        {!published && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              reload();
              setRefreshed(t('evaluation.ranking.refreshed'));
            }}
          >
            {t('evaluation.ranking.refresh')}
          </button>
        )}
      </div>
      <p role="status" className="visually-hidden">
        {refreshed}
      </p>
      {state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'failed' ? (
        <LoadFailure failure={state.failure} retry={reload} />
      ) : (
        <>
          {!published && <p className="notice notice--info">{t('evaluation.ranking.provisional')}</p>}
          <p className="muted">{state.data.experts === 0 ? t('evaluation.ranking.empty') : t(state.data.experts === 1 ? 'evaluation.ranking.expertCount.one' : 'evaluation.ranking.expertCount.other', { count: state.data.experts })}</p>
          <RankingTable results={state.data} />
          <h3 className="subheading">{t('evaluation.criteria.title')}</h3>
          <CriterionAveragesTable results={state.data} />
          <div className="evaluation-ranking__actions">
            <ResultsExport ami={ami} results={state.data} />
            {evaluation.allowed.includes('evaluation.publish') && <PublicationControls evaluation={evaluation} onChanged={onPublicationChanged} />}
          </div>
        </>
      )}
    </>
  );
}
