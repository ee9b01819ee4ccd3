import { useRef, useState } from 'react';
import type { EvaluationView } from '@eprouvette/shared';
import { useI18n } from '../i18n/index.ts';
import { GridEditor } from './GridEditor.tsx';
import { GridTable } from './GridTable.tsx';

/** « Grille d’évaluation »: the criteria for everyone; the editor for the AMI's admins until publication. */
export function GridSection({ evaluation, onChanged }: { evaluation: EvaluationView; onChanged: (view: EvaluationView) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const canEdit = evaluation.allowed.includes('evaluation.editGrid');
  const open = () => {
    setSaved('');
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    // Back to the button that opened the editor, once it is there again.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <section className="card" aria-labelledby="evaluation-grid-title">
      <div className="section-header">
        <h2 id="evaluation-grid-title">{t('evaluation.grid.title')}</h2>
        {canEdit && !editing && (
          <button ref={editButton} type="button" className="button button--secondary button--small" onClick={open}>
            {t('evaluation.grid.edit')}
          </button>
        )}
      </div>
      <p className="muted">{t('evaluation.grid.intro')}</p>
      {evaluation.publication !== null && evaluation.allowed.includes('evaluation.publish') && <p className="muted">{t('evaluation.grid.frozen')}</p>}
      <p role="status" className="visually-hidden">
        {saved}
      </p>
      {editing ? (
        <GridEditor
          evaluation={evaluation}
          onCancel={close}
          onSaved={(view) => {
            onChanged(view);
            setSaved(t('evaluation.grid.editor.saved'));
            close();
          }}
        />
      ) : (
        <GridTable criteria={evaluation.criteria} />
      )}
    </section>
  );
}
