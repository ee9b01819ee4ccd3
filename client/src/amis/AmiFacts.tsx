import type { AmiSummaryView } from '@eprouvette/shared';
import { formatDay, formatEuros } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.ts';

/** Dates, envelope and technology tags of an AMI, only those that are set. */
export function AmiFacts({ ami }: { ami: AmiSummaryView }) {
  const { t, lang } = useI18n();
  const { opensOn, closesOn, endsOn } = ami.dates;
  const rows: [string, string][] = [];
  if (opensOn) rows.push([t('ami.dates.opensOn'), formatDay(opensOn, lang)]);
  if (closesOn) rows.push([t('ami.dates.closesOn'), formatDay(closesOn, lang)]);
  if (endsOn) rows.push([t('ami.dates.endsOn'), formatDay(endsOn, lang)]);
  if (ami.envelopeEuros !== null) rows.push([t('ami.envelope'), formatEuros(ami.envelopeEuros, lang)]);
  return (
    <>
      {rows.length > 0 && (
        <dl className="facts">
          {rows.map(([term, value]) => (
            <div key={term} className="facts__row">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {ami.tags.length > 0 && (
        <ul className="tags" aria-label={t('ami.tags')}>
          {ami.tags.map((tag) => (
            <li key={tag} className="tag">
              {t(`tag.${tag}`)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
