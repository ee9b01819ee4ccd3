/**
 * An expert's evaluation of one proposal: a real form, one fieldset per criterion (radio buttons
 * 0 to 5 and « non concerné », a comment), the recommendation and a general comment. « Enregistrer
 * le brouillon » keeps it incomplete; « Transmettre » hands it in (the ranking counts it). Errors
 * are announced and focus goes to the first; what was saved is announced. Read-only, with the
 * reason, for whoever may not score it (any more).
 */
import { useState, type FormEvent } from 'react';
import type { AmiDetailView, Criterion, MyEvaluationView, Recommendation, ScoreValue } from '@eprouvette/shared';
import { criterionField, NOT_APPLICABLE, RECOMMENDATIONS, RECOMMENDATION_FIELD, SCORES } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useForm, type FormState } from '../forms/use-form.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { BackLink } from '../ui/BackLink.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';
import { formatAverage, formatWeight } from './format.ts';
import { checkScoring, criterionCommentField, draftAverage, draftOf, formFields, inputOf, type ScoringDraft } from './scoring-form.ts';
import './evaluation.css';

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useI18n();
  if (message === undefined) return null;
  return (
    <p className="field__error" id={id}>
      <span className="field__error-prefix">{t('form.errorPrefix')}</span> {message}
    </p>
  );
}

interface CriterionProps {
  criterion: Criterion;
  position: number;
  draft: ScoringDraft;
  form: FormState;
  onValue: (value: ScoreValue) => void;
  onComment: (comment: string) => void;
}

function CriterionFieldset({ criterion, position, draft, form, onValue, onComment }: CriterionProps) {
  const { t, lang } = useI18n();
  const base = `criterion-${criterion.id}`;
  const error = form.fieldError(criterionField(criterion.id));
  const commentError = form.fieldError(criterionCommentField(criterion.id));
  const describedBy = [error ? `${base}-error` : null, criterion.description ? `${base}-description` : null].filter(Boolean).join(' ') || undefined;
  const value = draft.values[criterion.id] ?? null;
  const choices: { value: ScoreValue; main: string; word: string | null }[] = [
    ...SCORES.map((score) => ({ value: score, main: String(score), word: t(`evaluation.scale.${score}`) })),
    { value: NOT_APPLICABLE, main: t('evaluation.form.notApplicable'), word: null },
  ];
  return (
    <fieldset className={`scoring-criterion${error ? ' scoring-criterion--invalid' : ''}`} data-testid={`criterion-${position}`}>
      <legend className="scoring-criterion__legend">
        {t('evaluation.form.legend', { position, label: criterion.label })} <span className="scoring-criterion__weight">({t('evaluation.form.weight', { weight: formatWeight(criterion.weight, lang) })})</span>
      </legend>
      {criterion.description && (
        <p className="field__help" id={`${base}-description`}>
          {criterion.description}
        </p>
      )}
      <FieldError id={`${base}-error`} message={error} />
      <div className="score-choices">
        {choices.map((choice) => (
          <label key={choice.value} className={`score-choice${choice.value === NOT_APPLICABLE ? ' score-choice--na' : ''}`}>
            <input
              type="radio"
              name={base}
              value={String(choice.value)}
              checked={value === choice.value}
              aria-invalid={error !== undefined}
              aria-describedby={describedBy}
              onChange={() => onValue(choice.value)}
            />
            <span className="score-choice__value">{choice.main}</span>
            {choice.word && <span className="score-choice__word">{choice.word}</span>}
          </label>
        ))}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${base}-comment`}>
          {t('evaluation.form.comment')}
        </label>
        <FieldError id={`${base}-comment-error`} message={commentError} />
        <textarea
          id={`${base}-comment`}
          className="field__input"
          rows={2}
          value={draft.comments[criterion.id] ?? ''}
          aria-invalid={commentError !== undefined}
          aria-describedby={commentError ? `${base}-comment-error` : undefined}
          onChange={(event) => onComment(event.target.value)}
        />
      </div>
    </fieldset>
  );
}

function StatusLine({ view }: { view: MyEvaluationView }) {
  const { t, lang } = useI18n();
  if (view.status === null || view.updatedAt === null) return <p className="evaluation-publication">{t('evaluation.form.status.none')}</p>;
  const date = formatDateTime(view.updatedAt, lang);
  return (
    <p className={`evaluation-publication evaluation-publication--${view.status}`} data-testid="scoring-status">
      {t(view.status === 'draft' ? 'evaluation.form.status.draft' : 'evaluation.form.status.submitted', { date })}
    </p>
  );
}

function ScoringForm({ ami, initial }: { ami: AmiDetailView; initial: MyEvaluationView }) {
  const { t, lang } = useI18n();
  const form = useForm();
  const [view, setView] = useState(initial);
  const [draft, setDraft] = useState<ScoringDraft>(() => draftOf(initial));
  const [saved, setSaved] = useState('');
  const { criteria } = view;
  const average = draftAverage(criteria, draft);
  const recommendationError = form.fieldError(RECOMMENDATION_FIELD);
  const commentError = form.fieldError('comment');

  const setValue = (criterionId: string, value: ScoreValue) => {
    form.corrected(criterionField(criterionId));
    setDraft((current) => ({ ...current, values: { ...current.values, [criterionId]: value } }));
  };
  const setComment = (criterionId: string, comment: string) => setDraft((current) => ({ ...current, comments: { ...current.comments, [criterionId]: comment } }));

  async function save(submit: boolean) {
    setSaved('');
    const checked = checkScoring(criteria, inputOf(criteria, draft, submit));
    if (!checked.ok) return form.invalid(checked.fields);
    const result = await call(() =>
      api.amis[':amiId'].evaluation.boards[':boardId'].$put({ param: { amiId: ami.id, boardId: view.board.id }, json: checked.submission }),
    );
    if (!result.ok) return form.failed({ ...result.failure, fields: formFields(criteria, result.failure.fields) });
    setView(result.data);
    setDraft(draftOf(result.data));
    setSaved(t(submit ? 'evaluation.form.submitted' : 'evaluation.form.draftSaved'));
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    form.handle(() => save(submitter?.getAttribute('value') === 'submit'))(event);
  };

  return (
    <>
      <StatusLine view={view} />
      {!view.canScore && view.refusal !== null && <p className="notice notice--info">{t('evaluation.form.readOnly', { reason: view.refusal })}</p>}
      <form ref={form.formRef} className="form scoring-form" onSubmit={onSubmit} noValidate aria-label={t('evaluation.form.title', { title: view.board.title })}>
        <ActionAlert message={form.message} />
        <fieldset className="scoring-form__body" disabled={!view.canScore}>
          {criteria.map((criterion, index) => (
            <CriterionFieldset
              key={criterion.id}
              criterion={criterion}
              position={index + 1}
              draft={draft}
              form={form}
              onValue={(value) => setValue(criterion.id, value)}
              onComment={(comment) => setComment(criterion.id, comment)}
            />
          ))}
          <fieldset className={`scoring-criterion${recommendationError ? ' scoring-criterion--invalid' : ''}`}>
            <legend className="scoring-criterion__legend">{t('evaluation.form.recommendation')}</legend>
            <FieldError id="recommendation-error" message={recommendationError} />
            <div className="choice-group__options">
              {RECOMMENDATIONS.map((recommendation: Recommendation) => (
                <label key={recommendation} className="choice">
                  <input
                    type="radio"
                    className="radio"
                    name="recommendation"
                    value={recommendation}
                    checked={draft.recommendation === recommendation}
                    aria-invalid={recommendationError !== undefined}
                    aria-describedby={recommendationError ? 'recommendation-error' : undefined}
                    onChange={() => {
                      form.corrected(RECOMMENDATION_FIELD);
                      setDraft((current) => ({ ...current, recommendation }));
                    }}
                  />
                  <span>{t(`evaluation.recommendation.${recommendation}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor="evaluation-comment">
              {t('evaluation.form.general')}
            </label>
            <FieldError id="evaluation-comment-error" message={commentError} />
            <textarea
              id="evaluation-comment"
              className="field__input"
              rows={4}
              value={draft.comment}
              aria-invalid={commentError !== undefined}
              aria-describedby={commentError ? 'evaluation-comment-error' : undefined}
              onChange={(event) => setDraft((current) => ({ ...current, comment: event.target.value }))}
            />
          </div>
          <p className="scoring-form__average" data-testid="scoring-average">
            {average === null ? t('evaluation.form.average.none') : t('evaluation.form.average', { average: formatAverage(average, lang) })}
          </p>
          {view.canScore && (
            <div className="button-row">
              <button type="submit" name="intent" value="submit" className="button" disabled={form.sending}>
                {form.sending ? t('form.sending') : t(view.status === 'submitted' ? 'evaluation.form.update' : 'evaluation.form.submit')}
              </button>
              <button type="submit" name="intent" value="draft" className="button button--secondary" disabled={form.sending}>
                {t('evaluation.form.saveDraft')}
              </button>
            </div>
          )}
        </fieldset>
        <p role="status" className="scoring-form__saved">
          {saved}
        </p>
      </form>
    </>
  );
}

export function ScoringPage({ ami, boardId }: { ami: AmiDetailView; boardId: string }) {
  const { t } = useI18n();
  const { state, reload } = useApi(() => call(() => api.amis[':amiId'].evaluation.boards[':boardId'].$get({ param: { amiId: ami.id, boardId } })), [ami.id, boardId]);
  useDocumentTitle(state.status === 'ready' ? t('evaluation.form.title', { title: state.data.board.title }) : null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  const view = state.data;
  return (
    <div className="evaluation-page scoring-page">
      <BackLink href={paths.evaluation(ami.id)}>{t('evaluation.back')}</BackLink>
      <header className="page-header page-header--stacked">
        <p className="eyebrow">{ami.title}</p>
        <h1 id="page-heading" tabIndex={-1}>
          {t('evaluation.form.title', { title: view.board.title })}
        </h1>
        <p className="page-header__meta">
          <span>{view.board.organisation}</span>
          <Link href={paths.board(ami.id, view.board.id)}>{t('evaluation.form.openBoard')}</Link>
        </p>
      </header>
      <section className="card">
        <p>{t('evaluation.form.intro')}</p>
        <p className="muted">{t('evaluation.form.privacy')}</p>
        <ScoringForm key={view.board.id} ami={ami} initial={view} />
      </section>
    </div>
  );
}
