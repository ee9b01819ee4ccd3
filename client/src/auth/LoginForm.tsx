import { useState } from 'react';
import { loginSchema, type MeView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { Field, SubmitButton } from '../forms/fields.tsx';
import { useForm } from '../forms/use-form.ts';
import { validate } from '../forms/validate.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';

/** E-mail and password; `onSignedIn` receives the account once the server opened the session. */
export function LoginForm({ onSignedIn }: { onSignedIn: (me: MeView) => Promise<void> | void }) {
  const { t } = useI18n();
  const form = useForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = form.handle(async () => {
    const checked = validate(loginSchema, { email, password });
    if (!checked.ok) return form.invalid(checked.fields);
    const result = await call(() => api.auth.login.$post({ json: checked.data }));
    if (!result.ok) return form.failed(result.failure);
    await onSignedIn(result.data);
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form" data-testid="login-form">
      <ActionAlert message={form.message} />
      <Field form={form} name="email" label={t('account.email')}>
        {(control) => (
          <input {...control} type="email" autoComplete="email" spellCheck={false} value={email} onChange={(event) => setEmail(event.target.value)} />
        )}
      </Field>
      <Field form={form} name="password" label={t('account.password')}>
        {(control) => (
          <input {...control} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        )}
      </Field>
      <SubmitButton form={form}>{t('login.submit')}</SubmitButton>
    </form>
  );
}
