/**
 * « Insérer un modèle »: a disclosure listing the workshop templates, then the community templates
 * of the library. The chosen one lands in the middle of the view, above everything, as one undo
 * step; what it brings is then selected and shown.
 */
import { useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { BOARD_TEMPLATES, type BoardJson, type BoardTemplateId } from '@eprouvette/shared';
import { useI18n } from '../../i18n/index.ts';
import { CommunityTemplates } from '../../templates/CommunityTemplates.tsx';
import { insertLibraryTemplate } from '../../templates/library-insertion.ts';
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
  /** The title of the template inserted last, for the announcement. */
  const [inserted, setInserted] = useState<string | null>(null);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  const viewCentre = () => {
    const { camera, viewport } = editor.getState();
    return screenToWorld(camera, viewportCenter(viewport));
  };
  const show = (ids: string[], title: string) => {
    editor.select(ids);
    editor.zoomToSelection();
    setInserted(title);
    setOpen(false);
    toggle.current?.focus();
  };
  const insert = (id: BoardTemplateId) => {
    show([insertTemplate(doc, id, { center: viewCentre(), author, newId, origin })], t(`workshop.template.${id}.label`));
  };
  const insertCommunity = (content: BoardJson, title: string) => {
    show(insertLibraryTemplate(doc, content, { center: viewCentre(), author, newId, origin }), title);
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
      <div id={listId} className="template-picker__list" hidden={!open || disabled}>
        <ul className="template-picker__builtin" aria-label={t('workshop.template.list')}>
          {BOARD_TEMPLATES.map(({ id }) => (
            <li key={id}>
              <button type="button" className="template-picker__item" onClick={() => insert(id)}>
                <span className="template-picker__label">{t(`workshop.template.${id}.label`)}</span>
                <span className="template-picker__description">{t(`workshop.template.${id}.description`)}</span>
              </button>
            </li>
          ))}
        </ul>
        {open && !disabled && <CommunityTemplates onChoose={insertCommunity} />}
      </div>
      <p className="visually-hidden" role="status">
        {inserted && t('workshop.template.inserted', { title: inserted })}
      </p>
    </div>
  );
}
