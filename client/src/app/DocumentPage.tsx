import { useI18n } from '../i18n/index.ts';
import { SharedTextEditor } from '../editor/SharedTextEditor.tsx';
import { useConnection, usePresence, useSyncSession, type Participant } from '../sync/hooks.ts';
import type { Connection } from '../sync/connection-state.ts';
import { Link } from './router.tsx';
import { useDocumentTitle } from './use-document-title.ts';

const STATE_CLASS: Record<Connection['state'], string> = {
  connecté: 'badge--connected',
  reconnexion: 'badge--reconnecting',
  'hors ligne': 'badge--offline',
};

function ConnectionBadge({ connection }: { connection: Connection }) {
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

function initials(name: string): string {
  const number = /\d+/.exec(name);
  if (number) return number[0].slice(0, 2);
  return name.slice(0, 2).toUpperCase();
}

function PresenceList({ participants }: { participants: Participant[] }) {
  const { t } = useI18n();
  const count = participants.length;
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="presence__title">
        {t('presence.title')} <span className="presence__count">({count})</span>
      </h2>
      <p className="visually-hidden">
        {count === 1 ? t('presence.count.one') : t('presence.count.other', { count })}
      </p>
      <ul className="presence__list" data-testid="presence">
        {participants.map((participant) => (
          <li
            key={participant.clientId}
            className="chip"
            data-self={participant.isSelf ? 'true' : undefined}
            data-name={participant.name}
          >
            <span className="chip__avatar" style={{ backgroundColor: participant.color }} aria-hidden="true">
              {initials(participant.name)}
            </span>
            <span className="chip__name">{participant.name}</span>
            {participant.isSelf && <span className="chip__you">{t('presence.you')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DocumentPage({ name }: { name: string }) {
  const { t } = useI18n();
  const session = useSyncSession(name);
  const connection = useConnection(session);
  const participants = usePresence(session);
  useDocumentTitle(name);

  return (
    <div className="document">
      <p className="document__back">
        <Link href="/">
          <span aria-hidden="true">← </span>
          {t('document.back')}
        </Link>
      </p>
      <div className="document__header">
        <h1 id="page-heading" tabIndex={-1} className="document__title">
          {name}
        </h1>
        <ConnectionBadge connection={connection} />
      </div>
      <div className="document__layout">
        <SharedTextEditor
          text={session?.text ?? null}
          status={connection.refusedCode !== null ? 'unavailable' : connection.loaded ? 'ready' : 'loading'}
        />
        <PresenceList participants={participants} />
      </div>
    </div>
  );
}
