import { useMemo } from 'react';
import type { AmiDetailView, MeView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { AmiTextLayout } from '../ami-text/AmiTextLayout.tsx';
import { TextEditor } from '../ami-text/editor/TextEditor.tsx';
import { TextOutline } from '../ami-text/editor/TextOutline.tsx';
import { TextToolbar } from '../ami-text/editor/TextToolbar.tsx';
import { useTextEditor } from '../ami-text/editor/use-text-editor.ts';
import { WordCount } from '../ami-text/editor/WordCount.tsx';
import { TextExportMenu } from '../ami-text/export/TextExportMenu.tsx';
import { textReadOnlyReason } from '../ami-text/read-only-reason.ts';
import { AmiTextContext, type AmiTextContextValue } from '../ami-text/text-context.ts';
import { CommentHighlights } from '../comments/comment-highlights.ts';
import { TextComments } from '../comments/TextComments.tsx';
import { useI18n } from '../i18n/index.ts';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ConnectionBadge } from '../sync/ConnectionBadge.tsx';
import { PresenceList } from '../sync/PresenceList.tsx';
import type { Connection } from '../sync/connection-state.ts';
import { useConnection, usePresence, useSessionCheckOnRefusal, useSyncSession } from '../sync/hooks.ts';
import { userIdentity } from '../sync/identity.ts';
import type { SyncSession } from '../sync/session.ts';
import { useBlockFromAddress } from '../search/use-block-from-address.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';
import { TextVersionsPanel } from '../versions/TextVersionsPanel.tsx';

/** A module constant: a new array would recreate the editor. */
const TEXT_EXTRA_EXTENSIONS = [CommentHighlights];

export function AmiTextPage({ amiId, me }: { amiId: string; me: MeView }) {
  const { t } = useI18n();
  const { state, reload } = useApi(() => call(() => api.amis[':amiId'].$get({ param: { amiId } })), [amiId]);
  useDocumentTitle(state.status === 'ready' ? t('amiText.title', { title: state.data.title }) : null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  return <LiveAmiText ami={state.data} me={me} />;
}

/** The AMI text, co-written live by the AMI's admins and read by everyone else on it. */
function LiveAmiText({ ami, me }: { ami: AmiDetailView; me: MeView }) {
  const { t } = useI18n();
  const session = useSyncSession(ami.textDocumentName, userIdentity(me));
  const connection = useConnection(session);
  useSessionCheckOnRefusal(connection);

  return (
    <div className="document ami-text-page">
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
      {connection.refusedCode !== null ? (
        <p className="load-failure">{t('editor.unavailable')}</p>
      ) : session === null ? (
        <Loading />
      ) : (
        <CoWrittenText key={session.name} session={session} connection={connection} ami={ami} me={me} />
      )}
    </div>
  );
}

function CoWrittenText({ session, connection, ami, me }: { session: SyncSession; connection: Connection; ami: AmiDetailView; me: MeView }) {
  const { t } = useI18n();
  const participants = usePresence(session);
  const readOnly = connection.access !== 'write';
  const editor = useTextEditor({ session, editable: !readOnly, label: t('amiText.editor.label'), extraExtensions: TEXT_EXTRA_EXTENSIONS });
  useBlockFromAddress(editor, connection.loaded);
  const context = useMemo<AmiTextContextValue>(
    () => ({ editor, doc: session.doc, session, ami, me, readOnly }),
    [editor, session, ami, me, readOnly],
  );
  // Until the server has said, the text is not editable, and there is no reason to give yet.
  const readOnlyReason = connection.access === 'read-only' ? t(textReadOnlyReason(ami)) : null;

  return (
    <AmiTextContext.Provider value={context}>
      <AmiTextLayout
        toolbar={<TextToolbar readOnlyReason={readOnlyReason} />}
        editor={<TextEditor loaded={connection.loaded} />}
        outline={
          <>
            <TextOutline />
            <WordCount />
          </>
        }
        presence={<PresenceList participants={participants} />}
        exportMenu={<TextExportMenu doc={session.doc} loaded={connection.loaded} ami={ami} />}
        comments={<TextComments />}
        versions={<TextVersionsPanel ami={ami} doc={session.doc} />}
      />
    </AmiTextContext.Provider>
  );
}
