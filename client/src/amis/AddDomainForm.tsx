import { useState } from 'react';
import { domainInputSchema } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { Field, SubmitButton } from '../forms/fields.tsx';
import { useForm } from '../forms/use-form.ts';
import { validate } from '../forms/validate.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';

/** Platform admins add a domain of public action, offered next in the AMI form. */
export function AddDomainForm() {
  const { t } = useI18n();
  const form = useForm();
  const [name, setName] = useState('');
  const [added, setAdded] = useState<string | null>(null);

  const submit = form.handle(async () => {
    setAdded(null);
    const checked = validate(domainInputSchema, { name });
    if (!checked.ok) return form.invalid(checked.fields);
    const result = await call(() => api.domains.$post({ json: checked.data }));
    if (!result.ok) return form.failed(result.failure);
    setAdded(result.data.name);
    setName('');
  });

  return (
    <details className="card add-domain">
      <summary>{t('domain.add.title')}</summary>
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <ActionAlert message={form.message} />
        <div role="status">{added && <p className="notice">{t('domain.add.done', { name: added })}</p>}</div>
        <Field form={form} name="name" label={t('domain.add.name')} help={t('domain.add.help')}>
          {(control) => <input {...control} type="text" value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <SubmitButton form={form}>{t('domain.add.submit')}</SubmitButton>
      </form>
    </details>
  );
}
