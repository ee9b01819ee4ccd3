import { AMI_STATUSES, type AmiDetailView, type AmiStatus } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useAction } from '../forms/use-action.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { ConfirmAction } from '../ui/ConfirmAction.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';

/** The status, and one button per next status when the viewer may change it. */
export function AmiStatusPanel({ ami, onChanged }: { ami: AmiDetailView; onChanged: (ami: AmiDetailView) => void }) {
  const { t } = useI18n();
  const action = useAction();
  const canChange = ami.allowed.includes('ami.changeStatus');

  const change = (status: AmiStatus) =>
    action.run(() => call(() => api.amis[':amiId'].status.$post({ param: { amiId: ami.id }, json: { status } })), onChanged);

  const label = (to: AmiStatus) =>
    t(AMI_STATUSES.indexOf(to) > AMI_STATUSES.indexOf(ami.status) ? 'ami.status.moveTo' : 'ami.status.backTo', {
      status: t(`ami.status.${to}`),
    });

  return (
    <section className="card status-panel" aria-labelledby="status-title">
      <h2 id="status-title">{t('ami.status.title')}</h2>
      <p className="status-panel__current">
        <StatusBadge status={ami.status} />
      </p>
      {canChange && ami.nextStatuses.length > 0 && (
        <>
          <ActionAlert message={action.error} />
          <div className="button-row">
            {ami.nextStatuses.map((to) =>
              to === 'cloture' ? (
                <ConfirmAction
                  key={to}
                  label={label(to)}
                  question={t('ami.status.closeQuestion')}
                  confirmLabel={t('ami.status.closeConfirm')}
                  busy={action.busy}
                  onConfirm={() => change(to)}
                  danger
                />
              ) : (
                <button key={to} type="button" className="button button--secondary button--small" disabled={action.busy} onClick={() => void change(to)}>
                  {label(to)}
                </button>
              ),
            )}
          </div>
        </>
      )}
    </section>
  );
}
