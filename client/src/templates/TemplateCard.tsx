/**
 * One template of the library: its title, origin (« Issu de : Commune de … — AMI … »), domain and
 * technologies, description, a preview, and — for its publisher and platform admins — « Supprimer ».
 */
import { useState } from 'react';
import type { TemplateSummaryView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { countKey } from '../board/workshop/plural.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { ConfirmAction } from '../ui/ConfirmAction.tsx';
import { templateOrigin, templatePublished } from './template-facts.ts';
import { TemplatePreview } from './TemplatePreview.tsx';

interface Props {
  template: TemplateSummaryView;
  onDeleted: (template: TemplateSummaryView) => void;
}

export function TemplateCard({ template, onDeleted }: Props) {
  const { t, lang } = useI18n();
  const content = useApi(() => call(() => api.templates[':templateId'].$get({ param: { templateId: template.id } })), [template.id]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = `template-${template.id}`;

  const remove = async () => {
    setBusy(true);
    setFailure(null);
    const result = await call(() => api.templates[':templateId'].$delete({ param: { templateId: template.id } }));
    setBusy(false);
    if (result.ok) onDeleted(template);
    else setFailure(result.failure.message);
  };

  return (
    <article className="card template-card" aria-labelledby={headingId} data-testid="template-card">
      <div className="template-card__preview">
        {content.state.status === 'ready' ? (
          <TemplatePreview content={content.state.data.content} title={template.title} />
        ) : (
          <p className="muted">
            {content.state.status === 'loading' ? t('templates.preview.loading') : t('templates.preview.failed', { reason: content.state.failure.message })}
          </p>
        )}
      </div>
      <div className="template-card__body">
        <h2 id={headingId} className="template-card__title">
          {template.title}
        </h2>
        <p className="template-card__origin">{templateOrigin(template, t)}</p>
        <div className="template-card__classes">
          <span className="pill pill--kind">{template.domain.name}</span>
          {template.tags.length > 0 && (
            <ul className="tags" aria-label={t('templates.publish.tags')}>
              {template.tags.map((tag) => (
                <li key={tag} className="tag">
                  {t(`tag.${tag}`)}
                </li>
              ))}
            </ul>
          )}
        </div>
        {template.description !== '' && <p className="template-card__description">{template.description}</p>}
        <p className="template-card__meta">
          {templatePublished(template, t, lang, Date.now())} · {t(countKey(template.shapeCount, { one: 'templates.shapes.one', other: 'templates.shapes.other' }), { count: template.shapeCount })}
        </p>
        {template.droppedImages > 0 && (
          <p className="template-card__meta">
            {t(countKey(template.droppedImages, { one: 'templates.droppedImages.one', other: 'templates.droppedImages.other' }), { count: template.droppedImages })}
          </p>
        )}
        <ActionAlert message={failure} />
        {template.allowed.includes('template.delete') && (
          <ConfirmAction
            label={t('templates.delete')}
            accessibleLabel={t('templates.delete.accessible', { title: template.title })}
            question={t('templates.delete.question')}
            confirmLabel={t('templates.delete.confirm')}
            onConfirm={remove}
            busy={busy}
            danger
          />
        )}
      </div>
    </article>
  );
}
