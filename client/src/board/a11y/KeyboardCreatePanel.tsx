import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { Editor } from '../engine/editor.ts';
import { PLACEABLE_TOOLS, type PlaceableTool } from './keyboard-actions.ts';
import { placeAtViewCentre } from './keyboard-commands.ts';
import './board-a11y.css';

export interface KeyboardCreatePanelProps {
  readonly editor: Editor;
}

/**
 * « Ajouter au centre de la vue »: a shape placed without a pointer, selected and opened for
 * typing. The same as choosing its tool (N, T, R, O, F) and pressing Enter on the canvas.
 */
export function KeyboardCreatePanel({ editor }: KeyboardCreatePanelProps) {
  const { t } = useI18n();
  const titleId = useId();
  const selectId = useId();
  const helpId = useId();
  const [tool, setTool] = useState<PlaceableTool>('sticky');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    placeAtViewCentre(editor, tool);
  };

  return (
    <section className="board-a11y-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="board-a11y-panel__title">
        {t('a11y.create.title')}
      </h2>
      <form className="board-a11y-panel__form" onSubmit={onSubmit}>
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            {t('a11y.create.type')}
          </label>
          <select
            id={selectId}
            className="field__input"
            value={tool}
            aria-describedby={helpId}
            onChange={(event) => setTool(PLACEABLE_TOOLS.find((placeable) => placeable === event.target.value) ?? 'sticky')}
          >
            {PLACEABLE_TOOLS.map((placeable) => (
              <option key={placeable} value={placeable}>
                {t(`a11y.type.${placeable}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--small">
          {t('a11y.create.submit', { typeA: t(`a11y.typeA.${tool}`) })}
        </button>
      </form>
      <p id={helpId} className="field__help">
        {t('a11y.create.help')}
      </p>
    </section>
  );
}
