import { useState } from 'react';
import {
  AMI_ROLES,
  INVITATION_MAX_DAYS,
  INVITATION_MAX_USES,
  invitationCreateSchema,
  type AmiDetailView,
  type AmiRole,
  type CreatedInvitationView,
  type InvitationView,
} from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Field, SubmitButton } from '../forms/fields.tsx';
import { useAction } from '../forms/use-action.ts';
import { useForm } from '../forms/use-form.ts';
import { parseWholeNumber, validate } from '../forms/validate.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { ConfirmAction } from '../ui/ConfirmAction.tsx';
import { LoadFailure, Loading } from '../ui/LoadState.tsx';
import { CopyField } from '../ui/CopyField.tsx';
import { invitationState } from './invitation-state.ts';

const INVITABLE_ROLES = AMI_ROLES.filter((role) => role !== 'owner');

/**
 * Invitation links, for admins and owners: create one (its URL is shown once, since only its
 * hash is kept), see how each was used, revoke one — which also removes whoever joined through it.
 */
export function AmiInvitations({ ami, onRevoked }: { ami: AmiDetailView; onRevoked: () => void }) {
  const { t } = useI18n();
  const { state, reload } = useApi(() => call(() => api.amis[':amiId'].invitations.$get({ param: { amiId: ami.id } })), [ami.id]);
  const [created, setCreated] = useState<CreatedInvitationView | null>(null);
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);

  const revoke = (invitation: InvitationView) => {
    setDone(null);
    return action.run(
      () => call(() => api.amis[':amiId'].invitations[':invitationId'].revoke.$post({ param: { amiId: ami.id, invitationId: invitation.id } })),
      ({ removedMembers }) => {
        setDone(removedMembers === 1 ? t('invitations.revoked.one') : t('invitations.revoked.other', { count: removedMembers }));
        if (created?.id === invitation.id) setCreated(null);
        reload();
        onRevoked();
      },
    );
  };

  return (
    <section className="card" aria-labelledby="invitations-title" data-testid="invitations">
      <h2 id="invitations-title">{t('invitations.title')}</h2>
      <p className="muted">{t('invitations.intro')}</p>
      <CreateInvitationForm
        amiId={ami.id}
        onCreated={(invitation) => {
          setCreated(invitation);
          reload();
        }}
      />
      {created && (
        <div className="created-link" data-testid="created-link">
          <h3>{t('invitations.created.title', { role: t(`role.${created.role}`) })}</h3>
          <p className="created-link__warning">{t('invitations.created.once')}</p>
          <CopyField label={t('invitations.created.url')} value={created.url} />
        </div>
      )}
      <h3 className="subheading">{t('invitations.list')}</h3>
      <ActionAlert message={action.error} />
      <div role="status">{done && <p className="notice">{done}</p>}</div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailure failure={state.failure} retry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && <p className="muted">{t('invitations.none')}</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <InvitationList invitations={state.data} busy={action.busy} onRevoke={revoke} />
      )}
    </section>
  );
}

function InvitationList({ invitations, busy, onRevoke }: { invitations: InvitationView[]; busy: boolean; onRevoke: (invitation: InvitationView) => Promise<void> }) {
  const { t, lang } = useI18n();
  return (
    <ul className="record-list">
      {invitations.map((invitation) => {
        const state = invitationState(invitation);
        const role = t(`role.${invitation.role}`);
        const expires = formatDateTime(invitation.expiresAt, lang);
        return (
          <li key={invitation.id} className="record" data-invitation={invitation.id}>
            <div className="record__main">
              <p className="record__title">
                {t('invitations.linkFor', { role })} <span className={`pill pill--link-${state}`}>{t(`invitations.state.${state}`)}</span>
              </p>
              <p className="record__details">
                <span>{t('invitations.expires', { date: expires })}</span>
                <span>{t('invitations.usesCount', { uses: invitation.uses, max: invitation.maxUses })}</span>
                <span>{t('invitations.createdBy', { name: invitation.createdBy })}</span>
              </p>
            </div>
            {!invitation.revoked && (
              <div className="record__controls">
                <ConfirmAction
                  label={t('invitations.revoke')}
                  accessibleLabel={t('invitations.revokeOne', { role, date: expires })}
                  question={invitation.uses === 0 ? t('invitations.revokeQuestion.unused') : t('invitations.revokeQuestion.used', { count: invitation.uses })}
                  confirmLabel={t('invitations.revokeConfirm')}
                  busy={busy}
                  onConfirm={() => onRevoke(invitation)}
                  danger
                />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function CreateInvitationForm({ amiId, onCreated }: { amiId: string; onCreated: (invitation: CreatedInvitationView) => void }) {
  const { t } = useI18n();
  const form = useForm();
  const [role, setRole] = useState<AmiRole>('editor');
  const [days, setDays] = useState('14');
  const [uses, setUses] = useState('20');

  const submit = form.handle(async () => {
    const expiresInDays = parseWholeNumber(days);
    const maxUses = parseWholeNumber(uses);
    const notWhole: Record<string, string> = {};
    if (expiresInDays === undefined || expiresInDays === null) notWhole.expiresInDays = t('form.wholeNumber');
    if (maxUses === undefined || maxUses === null) notWhole.maxUses = t('form.wholeNumber');
    if (Object.keys(notWhole).length > 0) return form.invalid(notWhole);
    const checked = validate(invitationCreateSchema, { role, expiresInDays, maxUses });
    if (!checked.ok) return form.invalid(checked.fields);
    const result = await call(() => api.amis[':amiId'].invitations.$post({ param: { amiId }, json: checked.data }));
    if (!result.ok) return form.failed(result.failure);
    onCreated(result.data);
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form" aria-labelledby="new-invitation-title">
      <h3 id="new-invitation-title" className="subheading">
        {t('invitations.new')}
      </h3>
      <ActionAlert message={form.message} />
      <div className="form-grid">
        <Field form={form} name="role" label={t('invitations.role')}>
          {(control) => (
            <select {...control} value={role} onChange={(event) => setRole(event.target.value as AmiRole)}>
              {INVITABLE_ROLES.map((option) => (
                <option key={option} value={option}>
                  {t(`role.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="expiresInDays" label={t('invitations.days')} help={t('invitations.days.help', { max: INVITATION_MAX_DAYS })}>
          {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={INVITATION_MAX_DAYS} step={1} value={days} onChange={(event) => setDays(event.target.value)} />}
        </Field>
        <Field form={form} name="maxUses" label={t('invitations.maxUses')} help={t('invitations.maxUses.help', { max: INVITATION_MAX_USES })}>
          {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={INVITATION_MAX_USES} step={1} value={uses} onChange={(event) => setUses(event.target.value)} />}
        </Field>
      </div>
      <SubmitButton form={form}>{t('invitations.create')}</SubmitButton>
    </form>
  );
}
