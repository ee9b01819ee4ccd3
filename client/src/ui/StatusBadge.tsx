import type { AmiStatus } from '@eprouvette/shared';
import { useI18n } from '../i18n/index.ts';

/** An AMI's status: its own colour and always its name, so colour is never the only cue. */
export function StatusBadge({ status }: { status: AmiStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      <span className="visually-hidden">{t('ami.status.label')} : </span>
      {t(`ami.status.${status}`)}
    </span>
  );
}
