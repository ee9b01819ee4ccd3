import type { AmiDetailView, EvaluationView, ProposalToScoreView } from '@eprouvette/shared';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';

function action(row: ProposalToScoreView): MessageKey {
  if (!row.canScore) return 'evaluation.proposals.view';
  if (row.mine === null) return 'evaluation.proposals.start';
  return row.mine === 'draft' ? 'evaluation.proposals.resume' : 'evaluation.proposals.change';
}

/** « Propositions à évaluer »: the expert's own progress on each proposal, and the way to its form. */
export function ProposalsToScore({ ami, evaluation }: { ami: AmiDetailView; evaluation: EvaluationView }) {
  const { t } = useI18n();
  const rows = evaluation.proposals.filter((row) => row.canScore || row.mine !== null);
  return (
    <section className="card" aria-labelledby="evaluation-proposals-title">
      <h2 id="evaluation-proposals-title">{t('evaluation.proposals.title')}</h2>
      <p className="muted">{t('evaluation.proposals.intro')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('evaluation.proposals.none')}</p>
      ) : (
        <ul className="board-list" data-testid="proposals-to-score">
          {rows.map((row) => (
            <li key={row.boardId} className="board-list__item evaluation-proposal">
              <div>
                <p className="board-list__title evaluation-proposal__title">{row.title}</p>
                <p className="board-list__meta">
                  <span>{row.organisation}</span>
                  <span className={`pill evaluation-status evaluation-status--${row.mine ?? 'none'}`}>{t(`evaluation.status.${row.mine ?? 'none'}`)}</span>
                  {row.archived && <span className="pill">{t('evaluation.archived')}</span>}
                </p>
              </div>
              <Link
                href={paths.proposalScoring(ami.id, row.boardId)}
                className={`button button--small${row.mine === 'submitted' || !row.canScore ? ' button--secondary' : ''}`}
                aria-label={t('evaluation.proposals.actionOn', { action: t(action(row)), title: row.title })}
              >
                {t(action(row))}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
