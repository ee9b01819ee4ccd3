import { api, download } from '../api/client.ts';
import { useAction } from '../forms/use-action.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';

/** RGPD: everything the platform keeps about me, as the JSON file the server prepares. */
export function DownloadMyData() {
  const { t } = useI18n();
  const action = useAction();

  const save = () =>
    action.run(
      () => download(() => api.me.export.$get(), 'eprouvette-mes-donnees.json'),
      ({ blob, name }) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        link.click();
        // The click has started the download; the object URL is not needed past this task.
        setTimeout(() => URL.revokeObjectURL(url), 0);
      },
    );

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('accountPage.export.title')}</h2>
      <p>{t('accountPage.export.explain')}</p>
      <ActionAlert message={action.error} />
      <button type="button" className="button button--secondary" disabled={action.busy} onClick={() => void save()}>
        {action.busy ? t('form.sending') : t('accountPage.export.submit')}
      </button>
    </section>
  );
}
