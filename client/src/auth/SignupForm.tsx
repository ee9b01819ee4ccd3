import { useId, useState } from 'react';
import {
  ORGANISATION_TYPES,
  PASSWORD_MIN_LENGTH,
  signupSchema,
  type MeView,
  type OrganisationType,
  type OrganisationView,
} from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Field, SubmitButton } from '../forms/fields.tsx';
import { useForm } from '../forms/use-form.ts';
import { validate } from '../forms/validate.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';

function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'fr', { sensitivity: 'base' }) === 0;
}

/**
 * Name, e-mail, organisation and password. Organisations already known are offered as you type,
 * so that the agents of one collectivité join the same one; picking one fills in its type.
 */
export function SignupForm({ onSignedUp }: { onSignedUp: (me: MeView) => Promise<void> | void }) {
  const { t } = useI18n();
  const form = useForm();
  const listId = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organisationName, setOrganisationName] = useState('');
  const [organisationType, setOrganisationType] = useState<OrganisationType>('commune');
  const [password, setPassword] = useState('');
  const { state: organisations } = useApi(() => call(() => api.organisations.$get()), []);
  const known: OrganisationView[] = organisations.status === 'ready' ? organisations.data : [];

  const changeOrganisation = (value: string) => {
    setOrganisationName(value);
    const match = known.find((organisation) => sameName(organisation.name, value));
    if (match) setOrganisationType(match.type);
  };

  const submit = form.handle(async () => {
    const checked = validate(signupSchema, { name, email, organisation: { name: organisationName, type: organisationType }, password });
    if (!checked.ok) return form.invalid(checked.fields);
    const result = await call(() => api.auth.signup.$post({ json: checked.data }));
    if (!result.ok) return form.failed(result.failure);
    await onSignedUp(result.data);
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form" data-testid="signup-form">
      <ActionAlert message={form.message} />
      <Field form={form} name="name" label={t('account.name')}>
        {(control) => <input {...control} type="text" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field form={form} name="email" label={t('account.email')}>
        {(control) => (
          <input {...control} type="email" autoComplete="email" spellCheck={false} value={email} onChange={(event) => setEmail(event.target.value)} />
        )}
      </Field>
      <Field form={form} name="organisation.name" label={t('account.organisation')} help={t('signup.organisation.help')}>
        {(control) => (
          <>
            <input
              {...control}
              type="text"
              autoComplete="organization"
              list={listId}
              value={organisationName}
              onChange={(event) => changeOrganisation(event.target.value)}
            />
            <datalist id={listId}>
              {known.map((organisation) => (
                <option key={organisation.id} value={organisation.name} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field form={form} name="organisation.type" label={t('account.organisationType')}>
        {(control) => (
          <select {...control} value={organisationType} onChange={(event) => setOrganisationType(event.target.value as OrganisationType)}>
            {ORGANISATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`organisation.type.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name="password" label={t('account.password')} help={t('signup.password.help', { min: PASSWORD_MIN_LENGTH })}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        )}
      </Field>
      <SubmitButton form={form}>{t('signup.submit')}</SubmitButton>
    </form>
  );
}
