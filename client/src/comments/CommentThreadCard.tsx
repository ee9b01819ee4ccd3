/**
 * One thread of the panel: its place (a button that shows it — the passage in the text, the pin on
 * the board — and makes the thread the active one), its messages, and what the reader may do with
 * it — reply (in the active thread), resolve or reopen.
 */
import type { ReactNode } from 'react';
import type { CommentMessage, CommentPerson, CommentThread, CommentThreadView } from '@eprouvette/shared';
import type { ApiResult } from '../api/client.ts';
import { useAction } from '../forms/use-action.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { messageParts } from './mentions.ts';
import { relativeTime } from './relative-time.ts';
import type { ListedThread } from './thread-list.ts';

/** What a thread card can ask of the server; absent for people who may only read. */
export interface ThreadActions {
  people: readonly CommentPerson[] | null;
  reply: (threadId: string, text: string, mentions: string[]) => Promise<ApiResult<CommentThreadView>>;
  setResolved: (threadId: string, resolved: boolean) => Promise<ApiResult<CommentThreadView>>;
}

interface CardProps {
  listed: ListedThread;
  /** The content of the heading button, naming the thread's place. */
  place: ReactNode;
  /** The mark shown once that place is gone. */
  deletedLabel: string;
  active: boolean;
  now: number;
  meId: string;
  actions: ThreadActions | null;
  onSelect: (thread: CommentThread) => void;
}

function When({ iso, now }: { iso: string; now: number }) {
  const { lang } = useI18n();
  return (
    <time dateTime={iso} title={formatDateTime(iso, lang)}>
      {relativeTime(iso, now, lang)}
    </time>
  );
}

function MessageText({ message, meId }: { message: CommentMessage; meId: string }) {
  return (
    <p className="comment-message__text">
      {messageParts(message.text, message.mentions).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <span key={index} className={part.person.id === meId ? 'comment-mention comment-mention--me' : 'comment-mention'}>
            @{part.person.name}
          </span>
        ),
      )}
    </p>
  );
}

export function CommentThreadCard({ listed, place, deletedLabel, active, now, meId, actions, onSelect }: CardProps) {
  const { t } = useI18n();
  const { thread, deleted, mentionsMe } = listed;
  const toggle = useAction();
  const headingId = `comment-thread-${thread.id}`;

  return (
    <li className={active ? 'comment-thread comment-thread--active' : 'comment-thread'} aria-labelledby={headingId} data-testid="comment-thread" data-thread-id={thread.id}>
      <h3 id={headingId} className="comment-thread__heading">
        <button type="button" className="comment-thread__select" aria-pressed={active} onClick={() => onSelect(thread)}>
          {place}
        </button>
      </h3>
      {(deleted || mentionsMe) && (
        <p className="comment-thread__flags">
          {deleted && <span className="comment-flag comment-flag--deleted">{deletedLabel}</span>}
          {mentionsMe && <span className="comment-flag comment-flag--mention">{t('comments.thread.mentionsYou')}</span>}
        </p>
      )}
      <ol className="comment-thread__messages">
        {thread.messages.map((message) => (
          <li key={message.id} className="comment-message">
            <p className="comment-message__meta">
              <span className="comment-message__author">{message.author.name}</span> · <When iso={message.createdAt} now={now} />
            </p>
            <MessageText message={message} meId={meId} />
          </li>
        ))}
      </ol>
      {thread.resolved && (
        <p className="comment-thread__resolved">
          {t('comments.thread.resolvedBy', { name: thread.resolved.by.name })} <When iso={thread.resolved.at} now={now} />
        </p>
      )}
      {actions && (
        <div className="comment-thread__actions">
          {active && thread.resolved === null && (
            <CommentComposer
              label={t('comments.reply.label')}
              submitLabel={t('comments.reply.submit')}
              people={actions.people}
              send={(text, mentions) => actions.reply(thread.id, text, mentions)}
              testId="comment-reply"
            />
          )}
          <ActionAlert message={toggle.error} />
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={toggle.busy}
            onClick={() => void toggle.run(() => actions.setResolved(thread.id, thread.resolved === null))}
          >
            {thread.resolved === null ? t('comments.thread.resolve') : t('comments.thread.reopen')}
          </button>
        </div>
      )}
    </li>
  );
}
