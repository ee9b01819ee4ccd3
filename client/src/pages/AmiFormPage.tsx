import type { AmiDetailView, AmiInput, DomainView, MeView } from '@eprouvette/shared';
import { api, call, type ApiResult } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { AmiForm } from '../amis/AmiForm.tsx';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';

interface Loaded {
  domains: DomainView[];
  ami: AmiDetailView | null;
}

/** Creating an AMI (`amiId` null) or editing one. */
export function AmiFormPage({ amiId, me }: { amiId: string | null; me: MeView }) {
  const { t } = useI18n();
  const { state, reload } = useApi(async (): Promise<ApiResult<Loaded>> => {
    const domains = await call(() => api.domains.$get());
    if (!domains.ok) return domains;
    if (amiId === null) return { ok: true, data: { domains: domains.data, ami: null } };
    const ami = await call(() => api.amis[':amiId'].$get({ param: { amiId } }));
    return ami.ok ? { ok: true, data: { domains: domains.data, ami: ami.data } } : ami;
  }, [amiId]);
  const heading = amiId === null ? t('amiForm.new.title') : t('amiForm.edit.title');
  useDocumentTitle(heading);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  const { domains, ami } = state.data;
  const back = ami ? paths.ami(ami.id) : paths.dashboard;

  const save = (input: AmiInput): Promise<ApiResult<{ id: string }>> =>
    ami ? call(() => api.amis[':amiId'].$put({ param: { amiId: ami.id }, json: input })) : call(() => api.amis.$post({ json: input }));

  return (
    <div className="form-page">
      <BackLink href={back}>{ami ? t('ami.back', { title: ami.title }) : t('dashboard.back')}</BackLink>
      <h1 id="page-heading" tabIndex={-1}>
        {heading}
      </h1>
      {(ami ? !ami.allowed.includes('ami.edit') : !me.platformAdmin) ? (
        <p className="load-failure">{ami ? t('amiForm.edit.notAllowed') : t('amiForm.new.notAllowed')}</p>
      ) : (
        <AmiForm
          domains={domains}
          initial={ami}
          submitLabel={ami ? t('action.save') : t('amiForm.new.submit')}
          cancelHref={back}
          save={save}
          onSaved={(id) => navigate(paths.ami(id))}
        />
      )}
    </div>
  );
}
