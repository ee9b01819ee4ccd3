/** Numbers and dates as people read them in the current language (`fr-FR` by default). */
import { getLang, type Lang } from './index.ts';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Whole euros: « 600 000 € » in French. */
export function formatEuros(amount: number, lang: Lang = getLang()): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);
}

/**
 * A calendar day `YYYY-MM-DD` (an AMI date): « 15 septembre 2026 ». Read as UTC and shown in UTC,
 * so that it is the same day wherever the reader is.
 */
export function formatDay(day: string, lang: Lang = getLang()): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An instant (an expiry): « 2 mars 2026 à 14:05 » in the reader's time zone. */
export function formatDateTime(iso: string, lang: Lang = getLang(), timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);
}

/** Whether an instant (an expiry) has come. */
export function isPast(iso: string, now: number = Date.now()): boolean {
  return new Date(iso).getTime() <= now;
}

/** A count grouped by thousands: « 1 234 » in French, « 1,234 » in English. */
export function formatInteger(count: number, lang: Lang = getLang()): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(count);
}
