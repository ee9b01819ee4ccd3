import { useI18n } from '../i18n/index.ts';

/** « 3 nouveaux commentaires »: what others wrote on a board since this member last opened it; nothing when none. */
export function UnreadComments({ count }: { count: number | undefined }) {
  const { t } = useI18n();
  if (count === undefined || count === 0) return null;
  return (
    <span className="pill pill--unread-comments" data-testid="unread-comments">
      {count === 1 ? t('boardComments.unread.one') : t('boardComments.unread.other', { count })}
    </span>
  );
}
