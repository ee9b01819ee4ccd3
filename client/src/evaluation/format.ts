/** The evaluation's numbers and words as people read them, in the current language by default. */
import type { ScoreValue } from '@eprouvette/shared';
import { NOT_APPLICABLE } from '@eprouvette/shared';
import { getLang, t, type Lang } from '../i18n/index.ts';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** An average or a spread, always with two decimals so that a column lines up: « 3,25 ». */
export function formatAverage(value: number | null, lang: Lang = getLang()): string {
  if (value === null) return t('evaluation.ranking.none', undefined, lang);
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A weight as it was typed: « 1 », « 1,5 ». */
export function formatWeight(weight: number, lang: Lang = getLang()): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(weight);
}

/** One expert's score on a criterion: « 4 », « non concerné », « non notée ». */
export function formatScore(value: ScoreValue | null, lang: Lang = getLang()): string {
  if (value === null) return t('evaluation.score.notScored', undefined, lang);
  return value === NOT_APPLICABLE ? t('evaluation.score.notApplicable', undefined, lang) : String(value);
}

/** A weight typed in a form (« 1,5 » or « 1.5 »), or NaN when it is not a number. */
export function parseWeight(text: string): number {
  const normalised = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}
