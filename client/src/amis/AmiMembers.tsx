import { useState } from 'react';
import { AMI_ROLES, type AmiDetailView, type AmiRole, type MemberView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useAction } from '../forms/use-action.ts';
import { formatDay } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { ConfirmAction } from '../ui/ConfirmAction.tsx';
import { LoadFailure, Loading } from '../ui/LoadState.tsx';

/**
 * Members and their roles, for admins and owners. Only an owner gives or takes the owner role,
 * so others see an owner's row without controls; every other refusal (the last owner) is the
 * server's, shown as it says it.
 */
export function AmiMembers({ ami, version }: { ami: AmiDetailView; version: number }) {
  const { t } = useI18n();
  const { state, reload } = useApi(() => call(() => api.amis[':amiId'].members.$get({ param: { amiId: ami.id } })), [ami.id, version]);
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const isOwner = ami.role === 'owner';
  const roles = AMI_ROLES.filter((role) => isOwner || role !== 'owner');

  const changeRole = (member: MemberView, role: AmiRole) => {
    setDone(null);
    return action.run(
      () => call(() => api.amis[':amiId'].members[':userId'].$patch({ param: { amiId: ami.id, userId: member.userId }, json: { role } })),
      () => {
        setDone(t('members.roleChanged', { name: member.name, role: t(`role.${role}`) }));
        reload();
      },
    );
  };
  const remove = (member: MemberView) => {
    setDone(null);
    return action.run(
      () => call(() => api.amis[':amiId'].members[':userId'].$delete({ param: { amiId: ami.id, userId: member.userId } })),
      () => {
        setDone(t('members.removed', { name: member.name }));
        reload();
      },
    );
  };

  return (
    <section className="card" aria-labelledby="members-title" data-testid="members">
      <h2 id="members-title">
        {t('members.title')} {state.status === 'ready' && <span className="count">({state.data.length})</span>}
      </h2>
      <ActionAlert message={action.error} />
      <div role="status">{done && <p className="notice">{done}</p>}</div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailure failure={state.failure} retry={reload} />}
      {state.status === 'ready' && (
        <ul className="record-list">
          {state.data.map((member) => (
            <MemberItem
              key={member.userId}
              member={member}
              roles={roles}
              editable={isOwner || member.role !== 'owner'}
              busy={action.busy}
              onChangeRole={changeRole}
              onRemove={remove}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  member: MemberView;
  roles: readonly AmiRole[];
  editable: boolean;
  busy: boolean;
  onChangeRole: (member: MemberView, role: AmiRole) => Promise<void>;
  onRemove: (member: MemberView) => Promise<void>;
}

function MemberItem({ member, roles, editable, busy, onChangeRole, onRemove }: ItemProps) {
  const { t, lang } = useI18n();
  const [role, setRole] = useState<AmiRole>(member.role);
  const selectId = `role-${member.userId}`;
  const joined = formatDay(member.joinedAt.slice(0, 10), lang);
  return (
    <li className="record" data-member={member.email}>
      <div className="record__main">
        <p className="record__title">{member.name}</p>
        <p className="record__details">
          <span>{member.email}</span>
          {member.organisation && <span>{member.organisation.name}</span>}
          <span>{member.viaInvitation ? t('members.joinedViaLink', { date: joined }) : t('members.joinedOn', { date: joined })}</span>
        </p>
      </div>
      <div className="record__controls">
        {editable ? (
          <>
            <div className="inline-control">
              <label className="visually-hidden" htmlFor={selectId}>
                {t('members.roleOf', { name: member.name })}
              </label>
              <select id={selectId} className="field__input field__input--compact" value={role} onChange={(event) => setRole(event.target.value as AmiRole)}>
                {roles.map((option) => (
                  <option key={option} value={option}>
                    {t(`role.${option}`)}
                  </option>
                ))}
              </select>
              <button type="button" className="button button--secondary button--small" disabled={busy || role === member.role} onClick={() => void onChangeRole(member, role)}>
                {t('members.changeRole')}
                <span className="visually-hidden"> {t('members.ofPerson', { name: member.name })}</span>
              </button>
            </div>
            <ConfirmAction
              label={t('members.remove')}
              accessibleLabel={`${t('members.remove')} ${member.name}`}
              question={t('members.removeQuestion', { name: member.name })}
              confirmLabel={t('members.removeConfirm')}
              busy={busy}
              onConfirm={() => onRemove(member)}
              danger
            />
          </>
        ) : (
          <span className="role">{t('members.roleIs', { role: t(`role.${member.role}`) })}</span>
        )}
      </div>
    </li>
  );
}
