/**
 * Writing a comment or a reply, with « @ » mentions: typing @ opens a list of the AMI's members
 * under the field; arrows move in it (the field keeps the focus, the option is its
 * `aria-activedescendant`), Entrée or Tab picks, Échap closes. Ctrl+Entrée sends.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { commentReplySchema, type CommentPerson, type CommentThreadView } from '@eprouvette/shared';
import type { ApiResult } from '../api/client.ts';
import { useAction } from '../forms/use-action.ts';
import { validate } from '../forms/validate.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { insertMention, matchingPeople, mentionedIn, mentionQueryAt, type MentionQuery } from './mentions.ts';

export interface CommentComposerProps {
  label: string;
  submitLabel: string;
  /** Members who may be mentioned; null while they load (no list is offered then). */
  people: readonly CommentPerson[] | null;
  send: (text: string, mentions: string[]) => Promise<ApiResult<CommentThreadView>>;
  onSent?: (thread: CommentThreadView) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  testId?: string;
}

interface Proposal {
  query: MentionQuery;
  people: CommentPerson[];
  active: number;
}

export function CommentComposer({ label, submitLabel, people, send, onSent, onCancel, autoFocus = false, testId }: CommentComposerProps) {
  const { t } = useI18n();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<CommentPerson[]>([]);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();
  const listId = `${id}-mentions`;
  const optionId = (index: number) => `${id}-mention-${index}`;

  const propose = (value: string, caret: number) => {
    const query = people === null ? null : mentionQueryAt(value, caret, chosen);
    const matches = query === null || people === null ? [] : matchingPeople(people, query.query);
    setProposal(query === null || matches.length === 0 ? null : { query, people: matches, active: 0 });
  };

  const pick = (person: CommentPerson) => {
    const element = field.current;
    if (proposal === null || element === null) return;
    const next = insertMention(text, proposal.query, element.selectionStart, person);
    setText(next.text);
    setChosen((current) => [...current, person]);
    setProposal(null);
    // The field keeps the focus; the caret goes after the inserted name once React wrote it.
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const mentions = mentionedIn(text, chosen).map((person) => person.id);
    const checked = validate(commentReplySchema, { text, mentions });
    if (!checked.ok) {
      setInvalid(checked.fields.text ?? Object.values(checked.fields)[0] ?? null);
      return;
    }
    setInvalid(null);
    void action.run(
      () => send(checked.data.text, checked.data.mentions),
      (thread) => {
        setText('');
        setChosen([]);
        onSent?.(thread);
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (proposal !== null) {
      const count = proposal.people.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : count - 1;
        setProposal({ ...proposal, active: (proposal.active + step) % count });
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(proposal.people[proposal.active]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setProposal(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  const error = invalid ?? action.error;
  return (
    <form className="comment-composer" onSubmit={submit} data-testid={testId} noValidate>
      <label className="comment-composer__label" htmlFor={`${id}-text`}>
        {label}
      </label>
      <div className="comment-composer__field">
        <textarea
          ref={field}
          id={`${id}-text`}
          className="comment-composer__text"
          rows={3}
          value={text}
          autoFocus={autoFocus}
          aria-describedby={`${id}-hint`}
          aria-invalid={invalid !== null}
          aria-autocomplete="list"
          aria-controls={proposal ? listId : undefined}
          aria-activedescendant={proposal ? optionId(proposal.active) : undefined}
          onChange={(event) => {
            setText(event.target.value);
            propose(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => propose(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setProposal(null)}
          onKeyDown={onKeyDown}
        />
        {proposal && (
          <ul className="comment-composer__mentions" id={listId} role="listbox" aria-label={t('comments.mention.list')}>
            {proposal.people.map((person, index) => (
              <li
                key={person.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === proposal.active}
                className="comment-composer__mention"
                // Keeps the focus in the field, whose caret says where the name goes.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(person)}
              >
                {person.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="comment-composer__hint" id={`${id}-hint`}>
        {t('comments.composer.hint')}
      </p>
      <ActionAlert message={error} />
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={action.busy}>
          {action.busy ? t('comments.composer.sending') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--small button--secondary" onClick={onCancel}>
            {t('comments.composer.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
