import { useState, type ReactNode } from 'react';
import { BOARD_KINDS, boardTitleSchema, type BoardKind, type OrganisationView } from '@eprouvette/shared';
import type { ApiResult } from '../api/client.ts';
import { CheckboxField, ChoiceGroup, Field, SubmitButton } from '../forms/fields.tsx';
import { useForm, type FormState } from '../forms/use-form.ts';
import { validate } from '../forms/validate.ts';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { ActionAlert } from '../ui/ActionAlert.tsx';

export interface BoardValues {
  title: string;
  kind: BoardKind;
  organisationId: string;
  restricted: boolean;
}

interface Props {
  initial: BoardValues;
  /** Which fields the viewer may set; the others are neither shown nor sent. */
  editable: { title: boolean; kind: boolean; organisation: boolean; restricted: boolean };
  /** Offered when `editable.organisation`. */
  organisations: OrganisationView[];
  submitLabel: string;
  cancelHref: string;
  save: (values: BoardValues) => Promise<ApiResult<{ id: string }>>;
  onSaved: (boardId: string) => void;
  /** More fields of the page's own, before the buttons (creation: the template to start from). */
  extra?: (form: FormState) => ReactNode;
}

/** A board's title, kind, organisation and restriction, for creating or editing it. */
export function BoardForm({ initial, editable, organisations, submitLabel, cancelHref, save, onSaved, extra }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const [values, setValues] = useState<BoardValues>(initial);
  const set = <K extends keyof BoardValues>(key: K, value: BoardValues[K]) => setValues((previous) => ({ ...previous, [key]: value }));
  // Only a proposal can be reserved to its organisation.
  const restrictable = editable.restricted && values.kind === 'proposition';

  const submit = form.handle(async () => {
    const title = validate(boardTitleSchema, values.title);
    if (!title.ok) return form.invalid({ title: title.fields._ ?? '' });
    const result = await save({ ...values, title: title.data, restricted: values.kind === 'proposition' && values.restricted });
    if (!result.ok) return form.failed(result.failure);
    onSaved(result.data.id);
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form card" data-testid="board-form">
      <ActionAlert message={form.message} />
      {editable.title && (
        <Field form={form} name="title" label={t('boardForm.title')}>
          {(control) => <input {...control} type="text" value={values.title} onChange={(event) => set('title', event.target.value)} />}
        </Field>
      )}
      {editable.kind && (
        <ChoiceGroup
          form={form}
          name="kind"
          legend={t('boardForm.kind')}
          type="radio"
          options={BOARD_KINDS.map((kind) => ({ value: kind, label: t(`board.kind.${kind}`) }))}
          selected={[values.kind]}
          onChange={([kind]) => kind && set('kind', kind)}
        />
      )}
      {editable.organisation && (
        <Field form={form} name="organisationId" label={t('boardForm.organisation')} help={t('boardForm.organisation.help')}>
          {(control) => (
            <select {...control} value={values.organisationId} onChange={(event) => set('organisationId', event.target.value)}>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {restrictable && (
        <CheckboxField
          form={form}
          name="restricted"
          label={t('boardForm.restricted')}
          help={t('boardForm.restricted.help')}
          checked={values.restricted}
          onChange={(checked) => set('restricted', checked)}
        />
      )}
      {extra?.(form)}
      <div className="button-row">
        <SubmitButton form={form}>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className="button button--secondary">
          {t('action.cancel')}
        </Link>
      </div>
    </form>
  );
}
