/**
 * « Insérer un modèle »: a disclosure listing the workshop templates. The chosen one lands in the
 * middle of the view, above everything, as one undo step; its frame is then selected and shown.
 */
import { useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { BOARD_TEMPLATES, type BoardTemplateId } from '@eprouvette/shared';
import { useI18n } from '../../i18n/index.ts';
import { screenToWorld, viewportCenter } from '../engine/camera.ts';
import type { Editor } from '../engine/editor.ts';
import { insertTemplate } from './template-insertion.ts';
import './workshop.css';

export interface TemplatePickerProps {
  doc: Y.Doc;
  /** The local transaction origin: the one the board's undo history tracks. */
  origin: object;
  editor: Editor;
  /** The local user's id, recorded as the author of the template's shapes. */
  author: string;
  newId: () => string;
  /** The board is read-only for this person. */
  disabled: boolean;
}

export function TemplatePicker({ doc, origin, editor, author, newId, disabled }: TemplatePickerProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [inserted, setInserted] = useState<BoardTemplateId | null>(null);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  const insert = (id: BoardTemplateId) => {
    const { camera, viewport } = editor.getState();
    const frameId = insertTemplate(doc, id, { center: screenToWorld(camera, viewportCenter(viewport)), author, newId, origin });
    editor.select([frameId]);
    editor.zoomToSelection();
    setInserted(id);
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div
      className="template-picker"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        // Esc closes the list only; the board must not also drop its selection.
        event.stopPropagation();
        setOpen(false);
        toggle.current?.focus();
      }}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={listId}
        disabled={disabled}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        {t('workshop.template.open')}
      </button>
      <ul id={listId} className="template-picker__list" aria-label={t('workshop.template.list')} hidden={!open || disabled}>
        {BOARD_TEMPLATES.map(({ id }) => (
          <li key={id}>
            <button type="button" className="template-picker__item" onClick={() => insert(id)}>
              <span className="template-picker__label">{t(`workshop.template.${id}.label`)}</span>
              <span className="template-picker__description">{t(`workshop.template.${id}.description`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {inserted && t('workshop.template.inserted', { title: t(`workshop.template.${inserted}.label`) })}
      </p>
    </div>
  );
}
