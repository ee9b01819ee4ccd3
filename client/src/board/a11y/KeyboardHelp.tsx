import { useI18n, type MessageKey } from '../../i18n/index.ts';
import './board-a11y.css';

/** Each keyboard flow of the board: the keys, then what they do. */
const ENTRIES: readonly (readonly [MessageKey, MessageKey])[] = [
  ['a11y.keys.place', 'a11y.keys.place.does'],
  ['a11y.keys.focus', 'a11y.keys.focus.does'],
  ['a11y.keys.move', 'a11y.keys.move.does'],
  ['a11y.keys.resize', 'a11y.keys.resize.does'],
  ['a11y.keys.edit', 'a11y.keys.edit.does'],
  ['a11y.keys.comment', 'a11y.keys.comment.does'],
  ['a11y.keys.zoom', 'a11y.keys.zoom.does'],
  ['a11y.keys.cancel', 'a11y.keys.cancel.does'],
];

/** The board's keyboard flows, written out: a shortcut nobody can find serves nobody. */
export function KeyboardHelp() {
  const { t } = useI18n();
  return (
    <details className="board-keyboard-help">
      <summary>{t('a11y.keys.title')}</summary>
      <dl className="board-keyboard-help__list">
        {ENTRIES.map(([keys, does]) => (
          <div key={keys} className="board-keyboard-help__entry">
            <dt>{t(keys)}</dt>
            <dd>{t(does)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
