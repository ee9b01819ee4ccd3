import { useI18n } from '../i18n/index.ts';
import type { Participant } from './hooks.ts';

function initials(name: string): string {
  const words = name.split(/\s+/).filter((word) => word !== '');
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [name];
  return letters.map((word) => [...(word ?? '')].slice(0, words.length > 1 ? 1 : 2).join('')).join('').toUpperCase();
}

/** Who is on the document now, this tab first. */
export function PresenceList({ participants }: { participants: Participant[] }) {
  const { t } = useI18n();
  const count = participants.length;
  return (
    <section className="card card--side presence" aria-labelledby="presence-title">
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
