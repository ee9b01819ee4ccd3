import { useI18n } from '../i18n/index.ts';
import { useNotice } from '../app/notice.ts';

/** Shows the message left by the previous page, if any. */
export function Notice() {
  const { t } = useI18n();
  const notice = useNotice();
  return (
    <div role="status" className="notice-region">
      {notice && <p className="notice">{t(notice)}</p>}
    </div>
  );
}
