/**
 * Tiny i18n: a French dictionary (default), an English one beside it, `t()` with `{param}`
 * interpolation, and a hook that re-renders when the language changes.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { fr, type MessageKey } from './fr.ts';
import { en } from './en.ts';

export type { MessageKey };
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

const dictionaries: Record<Lang, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'eprouvette.lang';

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

let currentLang: Lang = readStoredLang();
const listeners = new Set<() => void>();

export function getLang(): Lang {
  return currentLang;
}

export function setLang(lang: Lang): void {
  if (lang === currentLang) return;
  currentLang = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice simply is not remembered.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

export function subscribeLang(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type MessageParams = Record<string, string | number>;

/** Translates `key` in `lang` (the current language by default), replacing `{name}` placeholders. */
export function t(key: MessageKey, params?: MessageParams, lang: Lang = currentLang): string {
  const template = dictionaries[lang][key] ?? fr[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The current language, a setter and a `t` bound to it; re-renders on language change. */
export function useI18n(): { lang: Lang; setLang: (lang: Lang) => void; t: Translate } {
  const lang = useSyncExternalStore(subscribeLang, getLang, getLang);
  const translate = useCallback<Translate>((key, params) => t(key, params, lang), [lang]);
  return { lang, setLang, t: translate };
}
