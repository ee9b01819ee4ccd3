import { useState } from 'react';
import {
  AMI_SUMMARY_MAX_LENGTH,
  TECHNOLOGY_TAGS,
  amiInputSchema,
  type AmiInput,
  type AmiSummaryView,
  type DomainView,
  type TechnologyTag,
} from '@eprouvette/shared';
import type { ApiResult } from '../api/client.ts';
import { ChoiceGroup, Field, SubmitButton } from '../forms/fields.tsx';
import { useForm } from '../forms/use-form.ts';
import { parseWholeNumber, validate } from '../forms/validate.ts';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { ActionAlert } from '../ui/ActionAlert.tsx';

interface Props {
  domains: DomainView[];
  /** The AMI being edited, or null for a new one. */
  initial: AmiSummaryView | null;
  submitLabel: string;
  cancelHref: string;
  save: (input: AmiInput) => Promise<ApiResult<{ id: string }>>;
  onSaved: (amiId: string) => void;
}

/** Title, domain, dates, envelope, summary and tags of an AMI, checked with the server's schema. */
export function AmiForm({ domains, initial, submitLabel, cancelHref, save, onSaved }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [domain, setDomain] = useState(initial?.domain.slug ?? '');
  const [opensOn, setOpensOn] = useState(initial?.dates.opensOn ?? '');
  const [closesOn, setClosesOn] = useState(initial?.dates.closesOn ?? '');
  const [endsOn, setEndsOn] = useState(initial?.dates.endsOn ?? '');
  const [envelope, setEnvelope] = useState(initial?.envelopeEuros?.toString() ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [tags, setTags] = useState<TechnologyTag[]>(initial?.tags ?? []);

  const submit = form.handle(async () => {
    const envelopeEuros = parseWholeNumber(envelope);
    if (envelopeEuros === undefined) return form.invalid({ envelopeEuros: t('form.wholeNumber') });
    const checked = validate(amiInputSchema, {
      title,
      domain,
      dates: { opensOn: opensOn || null, closesOn: closesOn || null, endsOn: endsOn || null },
      envelopeEuros,
      summary,
      tags,
    });
    if (!checked.ok) {
      return form.invalid(domain === '' ? { ...checked.fields, domain: t('amiForm.domain.required') } : checked.fields);
    }
    const result = await save(checked.data);
    if (!result.ok) return form.failed(result.failure);
    onSaved(result.data.id);
  });

  const dateField = (name: 'opensOn' | 'closesOn' | 'endsOn', value: string, set: (value: string) => void) => (
    <Field form={form} name={`dates.${name}`} label={t(`ami.dates.${name}`)}>
      {(control) => <input {...control} type="date" value={value} onChange={(event) => set(event.target.value)} />}
    </Field>
  );

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form card" data-testid="ami-form">
      <ActionAlert message={form.message} />
      <Field form={form} name="title" label={t('amiForm.title')} help={t('amiForm.title.help')}>
        {(control) => <input {...control} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />}
      </Field>
      <Field form={form} name="domain" label={t('amiForm.domain')}>
        {(control) => (
          <select {...control} value={domain} onChange={(event) => setDomain(event.target.value)}>
            <option value="">{t('amiForm.domain.choose')}</option>
            {domains.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="field">
        <legend className="field__label">{t('amiForm.dates')}</legend>
        <p className="field__help">{t('amiForm.dates.help')}</p>
        <div className="form-grid">
          {dateField('opensOn', opensOn, setOpensOn)}
          {dateField('closesOn', closesOn, setClosesOn)}
          {dateField('endsOn', endsOn, setEndsOn)}
        </div>
      </fieldset>
      <Field form={form} name="envelopeEuros" label={t('amiForm.envelope')} help={t('amiForm.envelope.help')}>
        {(control) => <input {...control} type="text" inputMode="numeric" value={envelope} onChange={(event) => setEnvelope(event.target.value)} />}
      </Field>
      <Field form={form} name="summary" label={t('ami.summary')} help={t('amiForm.summary.help', { max: AMI_SUMMARY_MAX_LENGTH })}>
        {(control) => <textarea {...control} rows={6} value={summary} onChange={(event) => setSummary(event.target.value)} />}
      </Field>
      <ChoiceGroup
        form={form}
        name="tags"
        legend={t('ami.tags')}
        type="checkbox"
        options={TECHNOLOGY_TAGS.map((tag) => ({ value: tag, label: t(`tag.${tag}`) }))}
        selected={tags}
        onChange={setTags}
      />
      <div className="button-row">
        <SubmitButton form={form}>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className="button button--secondary">
          {t('action.cancel')}
        </Link>
      </div>
    </form>
  );
}
