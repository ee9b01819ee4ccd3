import { useState } from 'react';
import type { AmiDetailView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useForm } from '../forms/use-form.ts';
import { Field, SubmitButton } from '../forms/fields.tsx';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../app/router.tsx';
import { setNotice } from '../app/notice.ts';
import { paths } from '../app/routes.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';

/** Deleting an AMI takes its boards and text with it: the owner types its title to confirm. */
export function DeleteAmiPanel({ ami }: { ami: AmiDetailView }) {
  const { t } = useI18n();
  const form = useForm();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === ami.title.trim();

  const submit = form.handle(async () => {
    if (!matches) return form.invalid({ confirmTitle: t('ami.delete.mismatch') });
    const result = await call(() => api.amis[':amiId'].$delete({ param: { amiId: ami.id } }));
    if (!result.ok) return form.failed(result.failure);
    setNotice('ami.delete.done');
    navigate(paths.dashboard);
  });

  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('ami.delete.title')}</h2>
      <p>{t('ami.delete.warning', { boards: ami.boards.length })}</p>
      {!open ? (
        <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
          {t('ami.delete.open')}
        </button>
      ) : (
        <form ref={form.formRef} onSubmit={submit} noValidate className="form">
          <ActionAlert message={form.message} />
          <Field form={form} name="confirmTitle" label={t('ami.delete.typeTitle', { title: ami.title })}>
            {(control) => <input {...control} type="text" autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />}
          </Field>
          <div className="button-row">
            <SubmitButton form={form} className="button button--danger">
              {t('ami.delete.confirm')}
            </SubmitButton>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
