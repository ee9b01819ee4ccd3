import { useState } from 'react';
import { PASSWORD_MIN_LENGTH, changePasswordSchema } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { Field, SubmitButton } from '../forms/fields.tsx';
import { useForm } from '../forms/use-form.ts';
import { validate } from '../forms/validate.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';

export function ChangePasswordForm() {
  const { t } = useI18n();
  const form = useForm();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);

  const submit = form.handle(async () => {
    setDone(false);
    const checked = validate(changePasswordSchema, { currentPassword, newPassword });
    if (!checked.ok) return form.invalid(checked.fields);
    const result = await call(() => api.me.password.$post({ json: checked.data }));
    if (!result.ok) return form.failed(result.failure);
    setCurrentPassword('');
    setNewPassword('');
    setDone(true);
  });

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('accountPage.password.title')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <ActionAlert message={form.message} />
        <div role="status">{done && <p className="notice">{t('accountPage.password.done')}</p>}</div>
        <Field form={form} name="currentPassword" label={t('accountPage.password.current')}>
          {(control) => (
            <input {...control} type="password" autoComplete="current-password" value={currentPassword} onChange={(event) => setCurrentPassword(event.target.value)} />
          )}
        </Field>
        <Field form={form} name="newPassword" label={t('accountPage.password.new')} help={t('signup.password.help', { min: PASSWORD_MIN_LENGTH })}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={newPassword} onChange={(event) => setNewPassword(event.target.value)} />}
        </Field>
        <SubmitButton form={form}>{t('accountPage.password.submit')}</SubmitButton>
      </form>
    </section>
  );
}
