import { useI18n } from '../i18n/index.ts';
import type { Connection } from './connection-state.ts';

const STATE_CLASS: Record<Connection['state'], string> = {
  connecté: 'badge--connected',
  reconnexion: 'badge--reconnecting',
  'hors ligne': 'badge--offline',
};

/** The live connection state of a document, with why it is not « connecté » when it is not. */
export function ConnectionBadge({ connection }: { connection: Connection }) {
  const { t } = useI18n();
  return (
    <div className="connection" role="status" data-testid="connection">
      <span className={`badge ${STATE_CLASS[connection.state]}`} data-state={connection.state}>
        <span className="badge__dot" aria-hidden="true" />
        <span className="visually-hidden">{t('connection.label')} : </span>
        <span className="badge__label" data-testid="connection-badge">
          {t(`connection.${connection.state}`)}
        </span>
      </span>
      {connection.detail && <span className="connection__detail">{t(connection.detail)}</span>}
    </div>
  );
}
