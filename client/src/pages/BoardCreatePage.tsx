import { useState } from 'react';
import type { AmiDetailView, MeView, OrganisationView, TemplateSummaryView } from '@eprouvette/shared';
import { roleAtLeast } from '@eprouvette/shared';
import { api, call, type ApiResult } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { BoardForm, type BoardValues } from '../boards/BoardForm.tsx';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../app/router.tsx';
import { TemplateChoice, type TemplateStart } from '../templates/TemplateChoice.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';

interface Loaded {
  ami: AmiDetailView;
  /** Admins may create a board for another organisation; others create for their own. */
  organisations: OrganisationView[];
  /** The library, to start from a template. */
  templates: TemplateSummaryView[];
}

export function BoardCreatePage({ amiId, me }: { amiId: string; me: MeView }) {
  const { t } = useI18n();
  const [start, setStart] = useState<TemplateStart>(null);
  const { state, reload } = useApi(async (): Promise<ApiResult<Loaded>> => {
    const [ami, templates] = await Promise.all([call(() => api.amis[':amiId'].$get({ param: { amiId } })), call(() => api.templates.$get({ query: {} }))]);
    if (!ami.ok) return ami;
    if (!templates.ok) return templates;
    if (!roleAtLeast(ami.data.role, 'admin')) return { ok: true, data: { ami: ami.data, organisations: [], templates: templates.data } };
    const organisations = await call(() => api.organisations.$get());
    return organisations.ok ? { ok: true, data: { ami: ami.data, organisations: organisations.data, templates: templates.data } } : organisations;
  }, [amiId]);
  useDocumentTitle(t('boardForm.new.title'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  const { ami, organisations, templates } = state.data;
  const ownOrganisation = me.organisation?.id ?? '';
  const chooseOrganisation = organisations.length > 0;

  const save = async (values: BoardValues) => {
    if (start === '') {
      const required = t('templates.start.required');
      return { ok: false as const, failure: { status: null, code: 'invalid-request', message: t('form.invalid'), fields: { templateId: required } } };
    }
    return call(() =>
      api.amis[':amiId'].boards.$post({
        param: { amiId },
        json: {
          title: values.title,
          kind: values.kind,
          restricted: values.restricted,
          ...(chooseOrganisation && values.organisationId !== ownOrganisation ? { organisationId: values.organisationId } : {}),
          ...(start !== null && { templateId: start }),
        },
      }),
    );
  };

  return (
    <div className="form-page">
      <BackLink href={paths.ami(ami.id)}>{t('ami.back', { title: ami.title })}</BackLink>
      <h1 id="page-heading" tabIndex={-1}>
        {t('boardForm.new.title')}
      </h1>
      <p className="muted">{t('boardForm.new.intro', { ami: ami.title })}</p>
      {!ami.allowed.includes('board.create') ? (
        <p className="load-failure">{t('boardForm.new.notAllowed')}</p>
      ) : (
        <BoardForm
          initial={{ title: '', kind: chooseOrganisation ? 'atelier' : 'proposition', organisationId: ownOrganisation, restricted: false }}
          editable={{ title: true, kind: true, organisation: chooseOrganisation, restricted: true }}
          organisations={organisations}
          submitLabel={t('boardForm.new.submit')}
          cancelHref={paths.ami(ami.id)}
          save={save}
          onSaved={(boardId) => navigate(paths.board(ami.id, boardId))}
          extra={(form) => <TemplateChoice form={form} templates={templates} domain={ami.domain.slug} value={start} onChange={setStart} />}
        />
      )}
    </div>
  );
}
