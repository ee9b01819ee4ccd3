import { useState } from 'react';
import { deleteAccountSchema, type MeView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { leave } from '../auth/leave.ts';
import { CheckboxField, Field, SubmitButton } from '../forms/fields.tsx';
import { useForm } from '../forms/use-form.ts';
import { validate } from '../forms/validate.ts';
import { useI18n } from '../i18n/index.ts';
import { setNotice } from '../app/notice.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';

/** Deleting the account asks for the password and an explicit « I understand ». */
export function DeleteAccountForm({ me }: { me: MeView }) {
  const { t } = useI18n();
  const form = useForm();
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);

  const submit = form.handle(async () => {
    const checked = validate(deleteAccountSchema, { password });
    const fields = checked.ok ? {} : { ...checked.fields };
    if (!understood) fields.understood = t('accountPage.delete.mustConfirm');
    if (!checked.ok || !understood) return form.invalid(fields);
    const result = await call(() => api.me.$delete({ json: checked.data }));
    if (!result.ok) return form.failed(result.failure);
    setNotice('accountPage.delete.done');
    leave(me.id);
  });

  return (
    <section className="card danger-zone" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">{t('accountPage.delete.title')}</h2>
      <p>{t('accountPage.delete.warning')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <ActionAlert message={form.message} />
        <Field form={form} name="password" label={t('account.password')}>
          {(control) => <input {...control} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
        </Field>
        <CheckboxField form={form} name="understood" label={t('accountPage.delete.understood')} checked={understood} onChange={setUnderstood} />
        <SubmitButton form={form} className="button button--danger">
          {t('accountPage.delete.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
