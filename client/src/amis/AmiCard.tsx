import type { AmiSummaryView } from '@eprouvette/shared';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { AmiFacts } from './AmiFacts.tsx';

export function AmiCard({ ami }: { ami: AmiSummaryView }) {
  const { t } = useI18n();
  return (
    <article className="card ami-card" data-testid="ami-card" data-ami-id={ami.id}>
      <div className="ami-card__top">
        <StatusBadge status={ami.status} />
        <span className="role">{t('role.yours', { role: t(`role.${ami.role}`) })}</span>
      </div>
      <h3 className="ami-card__title">
        <Link href={paths.ami(ami.id)}>{ami.title}</Link>
      </h3>
      <AmiFacts ami={ami} />
      <p className="ami-card__boards">
        {ami.boardCount === 1 ? t('ami.boards.count.one') : t('ami.boards.count.other', { count: ami.boardCount })}
      </p>
    </article>
  );
}
