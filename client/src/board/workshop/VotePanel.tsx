/**
 * Dot voting: the facilitator starts a vote and closes it; each participant places their dots on
 * selected shapes and sees only their own until the close, when everyone sees the ranked results.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import {
  castVote,
  closeVote,
  MAX_VOTES_PER_PERSON,
  readVoteSession,
  readVoteSessions,
  removeVote,
  startVote,
  type VoteOutcome,
  type VoteSession,
} from '@eprouvette/shared';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import type { Editor } from '../engine/editor.ts';
import type { Selection } from '../engine/selection.ts';
import { countKey } from './plural.ts';
import { randomId } from './random-id.ts';
import { useBoardState } from './use-board-state.ts';
import { useEditorRevision, useEditorSelection } from './use-editor.ts';
import { displayedVote, myVotes, parseVotesPerPerson, rankedResults, refusalKey, remainingVotes, shapeLabel, votableIds, voterCount } from './vote-view.ts';
import './workshop.css';

export interface VotePanelProps {
  doc: Y.Doc;
  /** The local transaction origin. */
  origin: object;
  editor: Editor;
  /** The voter: a person votes with the same dots from every tab. */
  me: { id: string };
  /** Starts and closes votes: AMI admins and owners. */
  canFacilitate: boolean;
  /** The server refuses this connection's writes: no voting, no facilitating. */
  readOnly: boolean;
}

const REMAINING = { zero: 'workshop.vote.remaining.zero', one: 'workshop.vote.remaining.one', other: 'workshop.vote.remaining.other' } as const;
const VOTES = { one: 'workshop.vote.count.one', other: 'workshop.vote.count.other' } as const;
const VOTERS = { zero: 'workshop.vote.voters.zero', one: 'workshop.vote.voters.one', other: 'workshop.vote.voters.other' } as const;
const DONE = { cast: 'workshop.vote.castDone', uncast: 'workshop.vote.uncastDone' } as const;

function remainingText(t: Translate, session: VoteSession, voterId: string): string {
  const count = remainingVotes(session, voterId);
  return t(countKey(count, REMAINING), { count });
}

/**
 * Says when a vote starts or closes while the panel is open, not what was already there. Only the
 * session's id and state trigger it; the rest is read as it is at that moment.
 */
function useVoteNotices(session: VoteSession | null, voterId: string, say: (message: string) => void): void {
  const { t } = useI18n();
  const seen = useRef<{ id: string; closed: boolean } | null | undefined>(undefined);
  const id = session?.id ?? null;
  const closed = Boolean(session?.closed);
  useEffect(() => {
    const before = seen.current;
    seen.current = id === null ? null : { id, closed };
    if (before === undefined || id === null) return;
    if (session && id !== before?.id && !closed) say(`${t('workshop.vote.startedNotice')} ${remainingText(t, session, voterId)}`);
    else if (id === before?.id && closed && !before.closed) say(t('workshop.vote.closedNotice'));
  }, [id, closed, t]);
}

export function VotePanel({ doc, origin, editor, me, canFacilitate, readOnly }: VotePanelProps) {
  const { t } = useI18n();
  const titleId = useId();
  // Where focus goes when the control that had it disappears (a vote starts or closes).
  const heading = useRef<HTMLHeadingElement>(null);
  const session = displayedVote(useBoardState(doc, readVoteSessions));
  const selection = useEditorSelection(editor);
  // Shape texts in the lists follow edits.
  useEditorRevision(editor);
  const [message, setMessage] = useState<string | null>(null);
  useVoteNotices(session, me.id, setMessage);
  const facilitating = canFacilitate && !readOnly;

  const describe = (shapeId: string) => {
    const shape = editor.displayedShape(shapeId);
    return shape ? (shapeLabel(shape) ?? t('workshop.vote.untitled')) : t('workshop.vote.deleted');
  };
  const show = (shapeId: string) => {
    editor.select([shapeId]);
    editor.zoomToSelection();
  };

  return (
    <section className="card card--side vote-panel" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1} className="vote-panel__title">
        {t('workshop.vote.title')}
      </h2>
      {!session && <p>{t('workshop.vote.none')}</p>}
      {session && !session.closed && (
        <OpenVote
          doc={doc}
          origin={origin}
          me={me}
          session={session}
          selection={selection}
          readOnly={readOnly}
          facilitating={facilitating}
          describe={describe}
          show={show}
          say={setMessage}
          onClosed={() => heading.current?.focus()}
        />
      )}
      {session?.closed && <Results session={session} describe={describe} show={show} exists={(id) => editor.displayedShape(id) !== undefined} />}
      {facilitating && !(session && !session.closed) && (
        <StartVoteForm doc={doc} origin={origin} by={me.id} selection={selection} onStarted={() => heading.current?.focus()} />
      )}
      <p role="status" className="vote-panel__message">
        {message}
      </p>
    </section>
  );
}

interface OpenVoteProps {
  doc: Y.Doc;
  origin: object;
  me: { id: string };
  session: VoteSession;
  selection: Selection;
  readOnly: boolean;
  facilitating: boolean;
  describe: (shapeId: string) => string;
  show: (shapeId: string) => void;
  say: (message: string) => void;
  /** The close button disappears with the open vote. */
  onClosed: () => void;
}

function OpenVote({ doc, origin, me, session, selection, readOnly, facilitating, describe, show, say, onClosed }: OpenVoteProps) {
  const { t } = useI18n();
  const hintId = useId();
  const remaining = remainingVotes(session, me.id);
  const mine = myVotes(session, me.id);
  const scopeSize = session.shapeIds?.length ?? null;
  const voters = voterCount(session);
  const report = (outcome: VoteOutcome, action: keyof typeof DONE) => {
    if (!outcome.ok) return say(t(refusalKey(outcome.reason)));
    say(`${t(DONE[action])} ${remainingText(t, readVoteSession(doc, session.id) ?? session, me.id)}`);
  };

  /** One dot on each selected shape the vote is open to, until the dots run out. */
  const castForSelection = () => {
    if (selection.size === 0) return say(t('workshop.vote.selectHint'));
    let outcome: VoteOutcome = { ok: false, reason: 'not-votable' };
    for (const id of votableIds(session, selection)) {
      outcome = castVote(doc, session.id, me.id, id, origin);
      if (!outcome.ok) break;
    }
    report(outcome, 'cast');
  };
  /** One dot back from each selected shape that has one of the voter's. */
  const uncastFromSelection = () => {
    if (selection.size === 0) return say(t('workshop.vote.selectHint'));
    const voted = new Set(mine.map(({ shapeId }) => shapeId));
    let outcome: VoteOutcome = { ok: false, reason: 'no-such-vote' };
    for (const id of [...selection].filter((candidate) => voted.has(candidate))) {
      outcome = removeVote(doc, session.id, me.id, id, origin);
      if (!outcome.ok) break;
    }
    report(outcome, 'uncast');
  };

  return (
    <>
      <p>{t(countKey(session.votesPerPerson, { one: 'workshop.vote.rules.one', other: 'workshop.vote.rules.other' }), { count: session.votesPerPerson })}</p>
      <p>
        {scopeSize === null
          ? t('workshop.vote.scope.all')
          : t(countKey(scopeSize, { one: 'workshop.vote.scope.one', other: 'workshop.vote.scope.other' }), { count: scopeSize })}
      </p>
      <p className="muted small">{t('workshop.vote.private')}</p>
      {readOnly ? (
        <p className="muted">{t('workshop.vote.readOnly')}</p>
      ) : (
        <>
          <p className="vote-panel__remaining">{t(countKey(remaining, REMAINING), { count: remaining })}</p>
          <p id={hintId} className="muted small">
            {t('workshop.vote.selectHint')}
          </p>
          <div className="button-row">
            <button type="button" className="button button--small" aria-describedby={hintId} onClick={castForSelection}>
              {t('workshop.vote.cast')}
            </button>
            <button type="button" className="button button--secondary button--small" aria-describedby={hintId} onClick={uncastFromSelection}>
              {t('workshop.vote.uncast')}
            </button>
          </div>
          {mine.length > 0 && (
            <>
              <h3 className="vote-panel__subtitle">{t('workshop.vote.mine')}</h3>
              <ul className="vote-list">
                {mine.map(({ shapeId, votes }) => {
                  const label = describe(shapeId);
                  return (
                    <li key={shapeId} className="vote-list__item">
                      <span className="vote-list__label">{label}</span>
                      <span className="vote-list__count">{t(countKey(votes, VOTES), { count: votes })}</span>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('workshop.vote.removeOneFrom', { label })}
                        onClick={() => report(removeVote(doc, session.id, me.id, shapeId, origin), 'uncast')}
                      >
                        {t('workshop.vote.removeOne')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('workshop.vote.showShape', { label })}
                        onClick={() => show(shapeId)}
                      >
                        {t('workshop.vote.show')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
      {facilitating && (
        <div className="vote-panel__facilitation">
          <p>{t(countKey(voters, VOTERS), { count: voters })}</p>
          <ConfirmAction
            label={t('workshop.vote.close')}
            question={t('workshop.vote.closeQuestion')}
            confirmLabel={t('workshop.vote.close')}
            onConfirm={() => {
              const outcome = closeVote(doc, session.id, me.id, origin);
              if (outcome.ok) onClosed();
              else say(t(refusalKey(outcome.reason)));
            }}
          />
        </div>
      )}
    </>
  );
}

interface ResultsProps {
  session: VoteSession;
  describe: (shapeId: string) => string;
  show: (shapeId: string) => void;
  exists: (shapeId: string) => boolean;
}

function Results({ session, describe, show, exists }: ResultsProps) {
  const { t } = useI18n();
  const results = rankedResults(session);
  return (
    <>
      <h3 className="vote-panel__subtitle">{t('workshop.vote.results')}</h3>
      {results.length === 0 ? (
        <p>{t('workshop.vote.noResults')}</p>
      ) : (
        <ol className="vote-list vote-list--results">
          {results.map(({ shapeId, votes, rank }) => {
            const label = describe(shapeId);
            return (
              <li key={shapeId} className="vote-list__item">
                <span className="vote-list__rank">{t('workshop.vote.rank', { rank })}</span>
                <span className="vote-list__label">{label}</span>
                <span className="vote-list__count">{t(countKey(votes, VOTES), { count: votes })}</span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('workshop.vote.showShape', { label })}
                  disabled={!exists(shapeId)}
                  onClick={() => show(shapeId)}
                >
                  {t('workshop.vote.show')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

interface StartVoteFormProps {
  doc: Y.Doc;
  origin: object;
  by: string;
  selection: Selection;
  /** The form disappears once the vote starts. */
  onStarted: () => void;
}

const DEFAULT_VOTES = '3';

function StartVoteForm({ doc, origin, by, selection, onStarted }: StartVoteFormProps) {
  const { t } = useI18n();
  const [votes, setVotes] = useState(DEFAULT_VOTES);
  const [onlySelection, setOnlySelection] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const ids = { votes: useId(), only: useId(), error: useId() };
  const limited = onlySelection && selection.size > 0;

  return (
    <form
      className="vote-panel__start"
      onSubmit={(event) => {
        event.preventDefault();
        const votesPerPerson = parseVotesPerPerson(votes, MAX_VOTES_PER_PERSON);
        setInvalid(votesPerPerson === null);
        if (votesPerPerson === null) return;
        startVote(doc, { id: randomId(), votesPerPerson, ...(limited ? { shapeIds: [...selection] } : {}) }, by, origin);
        onStarted();
      }}
    >
      <div className="vote-panel__field">
        <label htmlFor={ids.votes}>{t('workshop.vote.votesPerPerson')}</label>
        <input
          id={ids.votes}
          className="field__input field__input--compact vote-panel__votes"
          type="number"
          min={1}
          max={MAX_VOTES_PER_PERSON}
          value={votes}
          aria-invalid={invalid}
          aria-describedby={invalid ? ids.error : undefined}
          onChange={(event) => setVotes(event.target.value)}
        />
        {invalid && (
          <span id={ids.error} className="field__error">
            {t('workshop.vote.votesPerPersonInvalid', { max: MAX_VOTES_PER_PERSON })}
          </span>
        )}
      </div>
      <label className="choice" htmlFor={ids.only}>
        <input
          id={ids.only}
          className="checkbox"
          type="checkbox"
          checked={limited}
          disabled={selection.size === 0}
          onChange={(event) => setOnlySelection(event.target.checked)}
        />
        {t('workshop.vote.onlySelection', { count: selection.size })}
      </label>
      <button type="submit" className="button button--small">
        {t('workshop.vote.start')}
      </button>
    </form>
  );
}
