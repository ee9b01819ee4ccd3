/** « il y a 5 minutes », « hier »: when a comment was written, as people say it. */
import type { Lang } from '../i18n/index.ts';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Each unit is used until the next one reads better (45 s → « il y a 1 minute »…). */
const UNITS: readonly { unit: Intl.RelativeTimeFormatUnit; seconds: number; upTo: number }[] = [
  { unit: 'second', seconds: 1, upTo: 45 },
  { unit: 'minute', seconds: 60, upTo: 45 * 60 },
  { unit: 'hour', seconds: 3600, upTo: 22 * 3600 },
  { unit: 'day', seconds: 86_400, upTo: 26 * 86_400 },
  { unit: 'month', seconds: 30 * 86_400, upTo: 320 * 86_400 },
  { unit: 'year', seconds: 365 * 86_400, upTo: Number.POSITIVE_INFINITY },
];

export function relativeTime(iso: string, now: number, lang: Lang): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const elapsed = (then - now) / 1000;
  const format = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' });
  // A clock slightly ahead of this one must not say « dans 2 secondes ».
  if (elapsed > -45) return format.format(0, 'second');
  const { unit, seconds } = UNITS.find((candidate) => -elapsed < candidate.upTo) ?? UNITS[UNITS.length - 1]!;
  return format.format(Math.round(elapsed / seconds), unit);
}
