import type { AmiDetailView, MeView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { AmiTextView } from '../ami-text/AmiTextView.tsx';
import { useI18n } from '../i18n/index.ts';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ConnectionBadge } from '../sync/ConnectionBadge.tsx';
import { PresenceList } from '../sync/PresenceList.tsx';
import { useConnection, usePresence, useSessionCheckOnRefusal, useSyncSession } from '../sync/hooks.ts';
import { userIdentity } from '../sync/identity.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';

export function AmiTextPage({ amiId, me }: { amiId: string; me: MeView }) {
  const { t } = useI18n();
  const { state, reload } = useApi(() => call(() => api.amis[':amiId'].$get({ param: { amiId } })), [amiId]);
  useDocumentTitle(state.status === 'ready' ? t('amiText.title', { title: state.data.title }) : null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  return <LiveAmiText ami={state.data} me={me} />;
}

/** The AMI text as the server holds it, read-only until the rich-text editor arrives. */
function LiveAmiText({ ami, me }: { ami: AmiDetailView; me: MeView }) {
  const { t } = useI18n();
  const session = useSyncSession(ami.textDocumentName, userIdentity(me));
  const connection = useConnection(session);
  const participants = usePresence(session);
  useSessionCheckOnRefusal(connection);

  return (
    <div className="document">
      <BackLink href={paths.ami(ami.id)}>{t('ami.back', { title: ami.title })}</BackLink>
      <div className="document__header">
        <div className="document__heading">
          <p className="eyebrow">{ami.title}</p>
          <h1 id="page-heading" tabIndex={-1} className="document__title">
            {t('amiText.heading')}
          </h1>
        </div>
        <ConnectionBadge connection={connection} />
      </div>
      <p className="notice notice--info">
        <span className="badge badge--read-only">{t('readOnly.badge')}</span> {t('amiText.coWritingLater')}
      </p>
      <div className="document__layout">
        {connection.refusedCode !== null ? (
          <p className="load-failure">{t('editor.unavailable')}</p>
        ) : (
          <AmiTextView doc={session?.doc ?? null} loaded={connection.loaded} />
        )}
        <PresenceList participants={participants} />
      </div>
    </div>
  );
}
