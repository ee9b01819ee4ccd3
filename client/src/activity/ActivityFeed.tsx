/**
 * « Activité » on the AMI page: what changed, newest first, a sentence per event with a link to
 * the board it is about, when it happened (« il y a 5 minutes »), and older events on demand.
 */
import { useState } from 'react';
import type { ActivityPageView, ActivityView, AmiDetailView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { relativeTime } from '../comments/relative-time.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { LoadFailure } from '../ui/LoadState.tsx';
import { activitySentence, aroundBoard } from './activity-sentence.ts';
import './activity.css';

const loadPage = (amiId: string, before?: string) => call(() => api.amis[':amiId'].activity.$get({ param: { amiId }, query: before === undefined ? {} : { before } }));

function ActivityItem({ event, amiId, now }: { event: ActivityView; amiId: string; now: number }) {
  const { t, lang } = useI18n();
  const sentence = activitySentence(event, t);
  const parts = event.board === null ? null : aroundBoard(sentence);
  return (
    <li className="activity-feed__item">
      <p className="activity-feed__sentence">
        {parts === null || event.board === null ? (
          sentence
        ) : (
          <>
            {parts.before}
            <Link href={paths.board(amiId, event.board.id)}>{event.board.title}</Link>
            {parts.after}
          </>
        )}
      </p>
      {(event.kind === 'comment.thread' || event.kind === 'comment.reply' || event.kind === 'comment.resolved' || event.kind === 'comment.reopened') && <p className="activity-feed__excerpt">{event.data.excerpt}</p>}
      <time className="activity-feed__when" dateTime={event.at} title={formatDateTime(event.at, lang)}>
        {relativeTime(event.at, now, lang)}
      </time>
    </li>
  );
}

export function ActivityFeed({ ami }: { ami: AmiDetailView }) {
  const { t } = useI18n();
  const { state, reload } = useApi(() => loadPage(ami.id), [ami.id]);
  const [older, setOlder] = useState<ActivityPageView[]>([]);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const now = Date.now();

  const pages = state.status === 'ready' ? [state.data, ...older] : [];
  const next = pages.at(-1)?.next ?? null;
  const more = async () => {
    if (next === null) return;
    setLoading(true);
    setFailure(null);
    const result = await loadPage(ami.id, next);
    setLoading(false);
    if (result.ok) setOlder((previous) => [...previous, result.data]);
    else setFailure(result.failure.message);
  };

  const events = pages.flatMap((page) => page.events);
  return (
    <section className="card activity-feed" aria-labelledby="activity-title" data-testid="activity-feed">
      <h2 id="activity-title">{t('activity.title')}</h2>
      {state.status === 'loading' && <p className="muted">{t('activity.loading')}</p>}
      {state.status === 'failed' && <LoadFailure failure={state.failure} retry={reload} />}
      {state.status === 'ready' &&
        (events.length === 0 ? (
          <p className="muted">{t('activity.empty')}</p>
        ) : (
          <ol className="activity-feed__list">
            {events.map((event) => (
              <ActivityItem key={event.id} event={event} amiId={ami.id} now={now} />
            ))}
          </ol>
        ))}
      <ActionAlert message={failure} />
      {next !== null && (
        <button type="button" className="button button--secondary button--small activity-feed__more" disabled={loading} onClick={() => void more()}>
          {loading ? t('activity.loading') : t('activity.more')}
        </button>
      )}
    </section>
  );
}
