import { useId, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { BoardCommands, ShapeSource } from '../engine/board-document.ts';
import type { Editor } from '../engine/editor.ts';
import { connectableTargets } from './keyboard-actions.ts';
import { connectSelectionTo } from './keyboard-commands.ts';
import { shapePhrase } from './shape-description.ts';
import { useBoardShapes } from './use-board-shapes.ts';
import './board-a11y.css';

export interface ConnectToPanelProps {
  readonly source: ShapeSource;
  readonly editor: Editor;
  readonly commands: BoardCommands;
  /** The local user's id, written as the author of the arrow. */
  readonly author: string;
}

/**
 * « Relier à… »: draws an arrow from the selected shape to one picked from a list, glued at both
 * ends on the sides facing each other. The selection stays, to draw the next arrow from it.
 */
export function ConnectToPanel({ source, editor, commands, author }: ConnectToPanelProps) {
  const { t } = useI18n();
  const titleId = useId();
  const selectId = useId();
  const shapes = useBoardShapes(source);
  const selection = useSyncExternalStore(editor.subscribe, () => editor.getState().selection);
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');
  const lookup = (id: string) => source.get(id);

  const [selectedId] = selection;
  const from = selection.size === 1 && selectedId !== undefined ? source.get(selectedId) : undefined;
  const targets = useMemo(() => (from === undefined || from.type === 'connector' ? [] : connectableTargets(shapes, from.id)), [from, shapes]);
  const targetId = targets.some((shape) => shape.id === chosen) ? chosen : (targets[0]?.id ?? '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const id = connectSelectionTo({ editor, source, commands, author }, targetId);
    const connector = id === null ? undefined : source.get(id);
    setStatus(connector === undefined ? '' : t('a11y.connect.done', { shape: shapePhrase(connector, lookup, t) }));
  };

  return (
    <section className="board-a11y-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="board-a11y-panel__title">
        {t('a11y.connect.title')}
      </h2>
      {from === undefined || targets.length === 0 ? (
        <p className="field__help">{t(from === undefined || from.type === 'connector' ? 'a11y.connect.selectFirst' : 'a11y.connect.noTarget')}</p>
      ) : (
        <form className="board-a11y-panel__form" onSubmit={onSubmit}>
          <p className="board-a11y-panel__from">{t('a11y.connect.from', { shape: shapePhrase(from, lookup, t) })}</p>
          <div className="field">
            <label className="field__label" htmlFor={selectId}>
              {t('a11y.connect.target')}
            </label>
            <select id={selectId} className="field__input" value={targetId} onChange={(event) => setChosen(event.target.value)}>
              {targets.map((shape) => (
                <option key={shape.id} value={shape.id}>
                  {shapePhrase(shape, lookup, t)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--small">
            {t('a11y.connect.submit')}
          </button>
        </form>
      )}
      <p className="board-a11y-panel__status" role="status">
        {status}
      </p>
    </section>
  );
}
