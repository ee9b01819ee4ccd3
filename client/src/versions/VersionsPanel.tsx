/**
 * « Versions »: the versions of a document (the AMI text or a board), in its page's side panel.
 * Everyone who reads the document sees the list, previews a version and compares it with now;
 * those who may edit it also name the current state and restore a version. What the document is
 * only changes the endpoints and how a version is previewed and compared.
 */
import { useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { versionCreateSchema, type VersionView } from '@eprouvette/shared';
import { useApi } from '../api/use-api.ts';
import { Field, SubmitButton } from '../forms/fields.tsx';
import { useAction } from '../forms/use-action.ts';
import { useForm } from '../forms/use-form.ts';
import { validate } from '../forms/validate.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n, type Translate } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { LoadFailure } from '../ui/LoadState.tsx';
import { useVersionContent } from './use-version-content.ts';
import type { VersionEndpoints } from './version-endpoints.ts';
import { versionByline, versionTitle } from './version-label.ts';
import { RestoreDialog, VersionDialog } from './VersionDialog.tsx';
import './versions.css';

export interface VersionsPanelProps {
  endpoints: VersionEndpoints;
  /** The document as it is now on this page, for « Comparer avec maintenant ». */
  liveDoc: Y.Doc;
  renderPreview(version: Y.Doc, title: string): ReactNode;
  renderCompare(version: Y.Doc, current: Y.Doc): ReactNode;
}

/** The list is read when the panel is opened, and again each time it is reopened. */
export function VersionsPanel(props: VersionsPanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="card card--side versions-panel" data-testid="versions-panel" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="versions-panel__summary">{t('versions.title')}</summary>
      {open && <VersionsContent {...props} />}
    </details>
  );
}

type Shown = { mode: 'preview' | 'compare' | 'restore'; version: VersionView };

function VersionsContent({ endpoints, liveDoc, renderPreview, renderCompare }: VersionsPanelProps) {
  const { t } = useI18n();
  const { state, reload } = useApi(() => endpoints.list(), [endpoints]);
  const [namedOnly, setNamedOnly] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [status, setStatus] = useState('');
  const restoring = useAction();

  const close = () => setShown(null);
  const restore = (version: VersionView) =>
    restoring.run(
      () => endpoints.restore(version.id),
      () => {
        setShown(null);
        setStatus(t('versions.restore.done', { title: versionTitle(version, t) }));
        reload();
      },
    );

  return (
    <div className="versions-panel__content">
      <p className="versions-panel__intro">{t('versions.intro')}</p>
      <div role="status" className="versions-panel__status">
        {status}
      </div>
      <ActionAlert message={shown === null ? restoring.error : null} />
      {state.status === 'loading' && <p className="muted">{t('versions.loading')}</p>}
      {state.status === 'failed' && <LoadFailure failure={state.failure} retry={reload} />}
      {state.status === 'ready' && (
        <>
          {state.data.canEdit && (
            <NameVersionForm
              endpoints={endpoints}
              onNamed={(version) => {
                setStatus(t('versions.name.done', { label: version.label ?? '' }));
                reload();
              }}
            />
          )}
          <label className="versions-panel__filter">
            <input type="checkbox" checked={namedOnly} onChange={(event) => setNamedOnly(event.target.checked)} /> {t('versions.namedOnly')}
          </label>
          <VersionList
            versions={state.data.versions.filter((version) => !namedOnly || version.kind === 'named')}
            canEdit={state.data.canEdit}
            onShow={(mode, version) => {
              restoring.clear();
              setShown({ mode, version });
            }}
          />
          <button type="button" className="button button--secondary button--small" onClick={reload}>
            {t('versions.refresh')}
          </button>
        </>
      )}
      {shown?.mode === 'restore' && (
        <RestoreDialog title={versionTitle(shown.version, t)} busy={restoring.busy} error={restoring.error} onConfirm={() => void restore(shown.version)} onClose={close} />
      )}
      {shown !== null && shown.mode !== 'restore' && (
        <VersionDialog title={t(shown.mode === 'preview' ? 'versions.preview.title' : 'versions.compare.title', { title: titleAndDate(shown.version, t) })} onClose={close}>
          <VersionContent endpoints={endpoints} version={shown.version}>
            {(doc) => (shown.mode === 'preview' ? renderPreview(doc, versionTitle(shown.version, t)) : renderCompare(doc, liveDoc))}
          </VersionContent>
        </VersionDialog>
      )}
    </div>
  );
}

/** « envoyée au comité de sélection, 12 mars 2026 à 14:05 » */
function titleAndDate(version: VersionView, t: Translate): string {
  return `${versionTitle(version, t)}, ${formatDateTime(version.createdAt)}`;
}

function VersionList({ versions, canEdit, onShow }: { versions: VersionView[]; canEdit: boolean; onShow: (mode: Shown['mode'], version: VersionView) => void }) {
  const { t } = useI18n();
  if (versions.length === 0) return <p className="muted">{t('versions.empty')}</p>;
  return (
    <ol className="versions-list">
      {versions.map((version) => {
        const byline = versionByline(version, t);
        const name = titleAndDate(version, t);
        return (
          <li key={version.id} className={`versions-list__item versions-list__item--${version.kind}`}>
            <p className="versions-list__title">
              {version.kind === 'named' && <span className="versions-list__badge">{t('versions.namedBadge')}</span>}
              {versionTitle(version, t)}
            </p>
            <p className="versions-list__meta">
              <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
              {byline !== null && <span className="versions-list__byline">{byline}</span>}
            </p>
            <div className="versions-list__actions">
              <button type="button" className="button button--secondary button--small" aria-label={t('versions.actionOn', { action: t('versions.preview'), version: name })} onClick={() => onShow('preview', version)}>
                {t('versions.preview')}
              </button>
              <button type="button" className="button button--secondary button--small" aria-label={t('versions.actionOn', { action: t('versions.compare'), version: name })} onClick={() => onShow('compare', version)}>
                {t('versions.compare')}
              </button>
              {canEdit && (
                <button type="button" className="button button--secondary button--small" aria-label={t('versions.actionOn', { action: t('versions.restore'), version: name })} onClick={() => onShow('restore', version)}>
                  {t('versions.restore')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function VersionContent({ endpoints, version, children }: { endpoints: VersionEndpoints; version: VersionView; children: (doc: Y.Doc) => ReactNode }) {
  const { t } = useI18n();
  const content = useVersionContent(endpoints, version.id);
  if (content.status === 'loading') return <p className="muted">{t('versions.loadingContent')}</p>;
  if (content.status === 'failed') return <p className="form-alert">{content.failure.message}</p>;
  return <>{children(content.data)}</>;
}

function NameVersionForm({ endpoints, onNamed }: { endpoints: VersionEndpoints; onNamed: (version: VersionView) => void }) {
  const { t } = useI18n();
  const form = useForm();
  const [label, setLabel] = useState('');

  const submit = form.handle(async () => {
    const checked = validate(versionCreateSchema, { label });
    if (!checked.ok) return form.invalid(checked.fields);
    const result = await endpoints.name(checked.data.label);
    if (!result.ok) return form.failed(result.failure);
    setLabel('');
    onNamed(result.data);
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="versions-panel__form">
      <ActionAlert message={form.message} />
      <Field form={form} name="label" label={t('versions.name.label')} help={t('versions.name.help')}>
        {(control) => <input {...control} type="text" value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />}
      </Field>
      <SubmitButton form={form} className="button button--small">
        {t('versions.name.submit')}
      </SubmitButton>
    </form>
  );
}
