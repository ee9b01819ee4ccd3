/**
 * A one-time message for the next page (« Votre compte a été supprimé. »): set before navigating,
 * shown once by the page that takes it.
 */
import { useEffect, useState } from 'react';
import type { MessageKey } from '../i18n/index.ts';

let pending: MessageKey | null = null;

export function setNotice(key: MessageKey): void {
  pending = key;
}

/** The pending message, kept by this page and cleared so that it shows once. */
export function useNotice(): MessageKey | null {
  // Read in the initialiser, cleared in an effect: an initialiser may run twice (StrictMode).
  const [notice] = useState(() => pending);
  useEffect(() => {
    pending = null;
  }, []);
  return notice;
}
