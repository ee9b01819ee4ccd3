/**
 * Presenter mode: « Suivre » next to each participant, « Amener tout le monde ici » for
 * facilitators, and while following, a banner saying whose view this is and how to leave it.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import type { CameraControl } from './editor-camera.ts';
import { createFollowController, type FollowAwareness, type FollowController, type FollowNotice, type FollowSnapshot } from './follow-controller.ts';
import { countKey } from './plural.ts';
import './workshop.css';

export interface FollowControlsProps {
  /** The board session's awareness (`session.awareness`). */
  awareness: FollowAwareness;
  /** `editorCamera(editor)`, made once per editor: a new object restarts follow mode. */
  camera: CameraControl;
  /** May bring everyone to their view: AMI admins and owners. */
  canFacilitate: boolean;
}

const NOTICE_KEYS: Readonly<Record<FollowNotice['kind'], MessageKey>> = {
  following: 'workshop.follow.following',
  summoned: 'workshop.follow.summoned',
  stopped: 'workshop.follow.stopped',
  left: 'workshop.follow.left',
};

const IDLE: FollowSnapshot = { participants: [], following: null, presenting: false, followers: 0, notice: null };
const noController = () => () => {};

function useFollowController(awareness: FollowAwareness, camera: CameraControl): FollowController | null {
  const [controller, setController] = useState<FollowController | null>(null);
  useEffect(() => {
    const created = createFollowController({ awareness, camera });
    setController(created);
    return () => {
      created.dispose();
      setController(null);
    };
  }, [awareness, camera]);
  return controller;
}

/**
 * Writes the view this board shows (camera and viewport) on the panel's element as `data-view-*`,
 * straight to the DOM so that a pan re-renders nothing: browser tests read it to check that a
 * follower sees what the presenter sees.
 */
function useViewAttributes(camera: CameraControl) {
  const element = useRef<HTMLElement>(null);
  useEffect(() => {
    const write = () => {
      const target = element.current;
      if (!target) return;
      const { x, y, zoom } = camera.getCamera();
      const { width, height } = camera.getViewport();
      Object.assign(target.dataset, { viewX: String(x), viewY: String(y), viewZoom: String(zoom), viewWidth: String(width), viewHeight: String(height) });
    };
    write();
    return camera.onViewChange(write);
  }, [camera]);
  return element;
}

export function FollowControls({ awareness, camera, canFacilitate }: FollowControlsProps) {
  const { t } = useI18n();
  const titleId = useId();
  const helpId = useId();
  const controller = useFollowController(awareness, camera);
  const section = useViewAttributes(camera);
  const read = controller?.getSnapshot ?? (() => IDLE);
  const snapshot = useSyncExternalStore(controller?.subscribe ?? noController, read, read);
  const { participants, following, presenting, followers, notice } = snapshot;

  useEffect(() => {
    if (!controller || !following) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') controller.stopFollowing();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller, following]);

  const noticeText = notice && t(NOTICE_KEYS[notice.kind], { name: notice.name });
  const howToStop = notice && (notice.kind === 'following' || notice.kind === 'summoned') ? ` ${t('workshop.follow.howToStop')}` : '';

  return (
    <section ref={section} className="card card--side follow-controls" aria-labelledby={titleId}>
      <h2 id={titleId} className="follow-controls__title">
        {t('workshop.follow.title')}
      </h2>
      {following && (
        <div className="follow-controls__banner" style={{ borderColor: following.color }}>
          <p>
            {t('workshop.follow.following', { name: following.name })} {t('workshop.follow.howToStop')}
          </p>
          <button type="button" className="button button--secondary button--small" onClick={() => controller?.stopFollowing()}>
            {t('workshop.follow.unfollow')}
          </button>
        </div>
      )}
      {canFacilitate &&
        (presenting ? (
          <div className="follow-controls__presenting">
            <p>{t('workshop.follow.presenting')}</p>
            <button type="button" className="button button--secondary button--small" onClick={() => controller?.stopPresenting()}>
              {t('workshop.follow.stopPresenting')}
            </button>
          </div>
        ) : (
          <div>
            <button type="button" className="button button--small" aria-describedby={helpId} onClick={() => controller?.summonEveryone()}>
              {t('workshop.follow.summon')}
            </button>
            <p id={helpId} className="muted small">
              {t('workshop.follow.summonHelp')}
            </p>
          </div>
        ))}
      {(presenting || followers > 0) && (
        <p className="follow-controls__followers">
          {t(countKey(followers, { zero: 'workshop.follow.followers.zero', one: 'workshop.follow.followers.one', other: 'workshop.follow.followers.other' }), {
            count: followers,
          })}
        </p>
      )}
      {participants.length === 0 ? (
        <p className="muted">{t('workshop.follow.nobody')}</p>
      ) : (
        <ul className="follow-controls__list">
          {participants.map((participant) => (
            <li key={participant.clientId} className="follow-controls__item">
              <span className="follow-controls__dot" style={{ backgroundColor: participant.color }} aria-hidden="true" />
              <span className="follow-controls__name">{participant.name}</span>
              {following?.clientId === participant.clientId ? (
                <button type="button" className="button button--secondary button--small" onClick={() => controller?.stopFollowing()}>
                  {t('workshop.follow.unfollow')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('workshop.follow.followName', { name: participant.name })}
                  onClick={() => controller?.follow(participant.clientId)}
                >
                  {t('workshop.follow.follow')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="visually-hidden" aria-live="polite">
        {notice && <p key={notice.serial}>{`${noticeText}${howToStop}`}</p>}
      </div>
    </section>
  );
}
