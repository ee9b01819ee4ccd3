/**
 * « Modèles de la communauté », under the built-in templates of « Insérer un modèle »: the library,
 * the AMI's domain first. Choosing one fetches its shapes and hands them to the picker, which puts
 * them where the built-in templates go.
 */
import { useState } from 'react';
import type { BoardJson } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useBoard } from '../board/ui/board-context.ts';
import { useI18n } from '../i18n/index.ts';
import { domainFirst } from './library-order.ts';
import { templateOrigin } from './template-facts.ts';
import './templates.css';

export function CommunityTemplates({ onChoose }: { onChoose: (content: BoardJson, title: string) => void }) {
  const { t } = useI18n();
  const { ami } = useBoard();
  const list = useApi(() => call(() => api.templates.$get({ query: {} })), []);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = async (id: string, title: string) => {
    setBusy(true);
    setFailure(null);
    const result = await call(() => api.templates[':templateId'].$get({ param: { templateId: id } }));
    setBusy(false);
    if (result.ok) onChoose(result.data.content, title);
    else setFailure(result.failure.message);
  };

  return (
    <section className="community-templates" aria-labelledby="community-templates-title">
      <h3 id="community-templates-title" className="community-templates__title">
        {t('templates.community')}
      </h3>
      {list.state.status === 'loading' && <p className="community-templates__note">{t('templates.community.loading')}</p>}
      {list.state.status === 'failed' && <p className="community-templates__note">{list.state.failure.message}</p>}
      {list.state.status === 'ready' &&
        (list.state.data.length === 0 ? (
          <p className="community-templates__note">{t('templates.empty')}</p>
        ) : (
          <ul className="community-templates__list">
            {domainFirst(list.state.data, ami.domain.slug).map((template) => (
              <li key={template.id}>
                <button type="button" className="template-picker__item" disabled={busy} onClick={() => void choose(template.id, template.title)}>
                  <span className="template-picker__label">
                    {template.title}
                    {template.domain.slug === ami.domain.slug && <span className="community-templates__badge">{t('templates.community.sameDomain')}</span>}
                  </span>
                  <span className="template-picker__description">{templateOrigin(template, t)}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
      {failure !== null && (
        <p className="community-templates__note" role="alert">
          {failure}
        </p>
      )}
      <Link href={paths.templates} className="community-templates__library">
        {t('templates.community.library')}
      </Link>
    </section>
  );
}
