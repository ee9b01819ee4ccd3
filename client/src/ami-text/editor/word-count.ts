/** The word count as people read it. */
import { countKey } from '../../board/workshop/plural.ts';
import { formatInteger } from '../../i18n/format.ts';
import { t, type Lang } from '../../i18n/index.ts';

const WORDS = { zero: 'amiText.words.zero', one: 'amiText.words.one', other: 'amiText.words.other' } as const;

/** « 1 234 mots », « 1 mot », « Aucun mot ». */
export function wordCountLabel(count: number, lang: Lang): string {
  return t(countKey(count, WORDS), { count: formatInteger(count, lang) }, lang);
}
