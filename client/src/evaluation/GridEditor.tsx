/**
 * « Modifier la grille »: each criterion in a fieldset (name, description, weight) with « Monter »,
 * « Descendre » and « Retirer » (refused for a criterion an expert scored), « Ajouter un critère »,
 * then one save of the whole grid. Moves and removals are announced; focus follows the criterion.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { EvaluationView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { Field, SubmitButton } from '../forms/fields.tsx';
import { useForm } from '../forms/use-form.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { checkGrid, editedCriteria, gridInputOf, moveCriterion, newCriterion, type EditedCriterion } from './grid-editor.ts';

interface Props {
  evaluation: EvaluationView;
  onSaved: (view: EvaluationView) => void;
  onCancel: () => void;
}

type Focus = { key: string; control: 'up' | 'down' | 'label' };

export function GridEditor({ evaluation, onSaved, onCancel }: Props) {
  const { t, lang } = useI18n();
  const form = useForm();
  const prefix = useId();
  const [items, setItems] = useState<EditedCriterion[]>(() => editedCriteria(evaluation.criteria, lang));
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<Focus | null>(null);
  const added = useRef(0);
  const controlId = (key: string, control: Focus['control']) => `${prefix}-${key}-${control}`;

  // After a move the button pressed may be disabled at the new place: focus goes to its pair.
  useEffect(() => {
    if (focus === null) return;
    const wanted = document.getElementById(controlId(focus.key, focus.control)) as HTMLButtonElement | HTMLInputElement | null;
    const pair = focus.control === 'label' ? null : (document.getElementById(controlId(focus.key, focus.control === 'up' ? 'down' : 'up')) as HTMLButtonElement | null);
    (wanted && !wanted.disabled ? wanted : pair)?.focus();
    setFocus(null);
  }, [focus]);

  const update = (key: string, change: Partial<EditedCriterion>) => setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const name = (item: EditedCriterion) => item.label.trim() || t('evaluation.grid.editor.unnamed');

  function move(index: number, delta: -1 | 1) {
    const item = items[index]!;
    setItems(moveCriterion(items, index, delta));
    setAnnouncement(t('evaluation.grid.editor.moved', { label: name(item), position: index + delta + 1 }));
    setFocus({ key: item.key, control: delta === -1 ? 'up' : 'down' });
  }

  function remove(index: number) {
    const item = items[index]!;
    const left = items.filter((_, position) => position !== index);
    setItems(left);
    setAnnouncement(t('evaluation.grid.editor.removed', { label: name(item) }));
    const next = left[Math.min(index, left.length - 1)];
    if (next) setFocus({ key: next.key, control: 'label' });
  }

  function add() {
    const item = newCriterion(`nouveau-${++added.current}`);
    setItems([...items, item]);
    setAnnouncement(t('evaluation.grid.editor.added', { position: items.length + 1 }));
    setFocus({ key: item.key, control: 'label' });
  }

  const submit = form.handle(async () => {
    const checked = checkGrid(gridInputOf(items));
    if (!checked.ok) return form.invalid(checked.fields);
    const result = await call(() => api.amis[':amiId'].evaluation.grid.$put({ param: { amiId: evaluation.amiId }, json: checked.grid }));
    if (!result.ok) return form.failed(result.failure);
    onSaved(result.data);
  });

  return (
    <form ref={form.formRef} className="form grid-editor" onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('evaluation.grid.editor.title')}</h3>
      <ActionAlert message={form.message} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <ol className="grid-editor__list">
        {items.map((item, index) => (
          <li key={item.key}>
            <fieldset className="grid-editor__item">
              <legend>{t('evaluation.grid.editor.item', { position: index + 1 })}</legend>
              <Field form={form} name={`criteria.${index}.label`} label={t('evaluation.grid.editor.label')}>
                {(control) => (
                  <input {...control} id={controlId(item.key, 'label')} value={item.label} maxLength={120} onChange={(event) => update(item.key, { label: event.target.value })} />
                )}
              </Field>
              <Field form={form} name={`criteria.${index}.description`} label={t('evaluation.grid.editor.description')}>
                {(control) => <textarea {...control} rows={2} maxLength={500} value={item.description} onChange={(event) => update(item.key, { description: event.target.value })} />}
              </Field>
              <Field form={form} name={`criteria.${index}.weight`} label={t('evaluation.grid.editor.weight')} help={t('evaluation.grid.editor.weightHelp')}>
                {(control) => (
                  <input
                    {...control}
                    className={`${control.className} field__input--compact`}
                    inputMode="decimal"
                    value={item.weight}
                    onChange={(event) => update(item.key, { weight: event.target.value })}
                  />
                )}
              </Field>
              <div className="button-row">
                <button
                  type="button"
                  id={controlId(item.key, 'up')}
                  className="button button--secondary button--small"
                  disabled={index === 0}
                  aria-label={t('evaluation.grid.editor.actionOn', { action: t('evaluation.grid.editor.up'), position: index + 1 })}
                  onClick={() => move(index, -1)}
                >
                  {t('evaluation.grid.editor.up')}
                </button>
                <button
                  type="button"
                  id={controlId(item.key, 'down')}
                  className="button button--secondary button--small"
                  disabled={index === items.length - 1}
                  aria-label={t('evaluation.grid.editor.actionOn', { action: t('evaluation.grid.editor.down'), position: index + 1 })}
                  onClick={() => move(index, 1)}
                >
                  {t('evaluation.grid.editor.down')}
                </button>
                <button
                  type="button"
                  className="button button--danger button--small"
                  disabled={item.scored || items.length === 1}
                  aria-label={t('evaluation.grid.editor.actionOn', { action: t('evaluation.grid.editor.remove'), position: index + 1 })}
                  aria-describedby={item.scored ? controlId(item.key, 'label') + '-scored' : undefined}
                  onClick={() => remove(index)}
                >
                  {t('evaluation.grid.editor.remove')}
                </button>
              </div>
              {item.scored && (
                <p className="field__help" id={controlId(item.key, 'label') + '-scored'}>
                  {t('evaluation.grid.editor.scored')}
                </p>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={add}>
          {t('evaluation.grid.editor.add')}
        </button>
      </div>
      <div className="button-row">
        <SubmitButton form={form}>{t('evaluation.grid.editor.save')}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={form.sending}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
