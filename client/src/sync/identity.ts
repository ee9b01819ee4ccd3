/**
 * Who this tab is for the others: a random « Participant NN » and a colour, kept for the life of
 * the tab (sessionStorage) so a reload does not turn you into someone else.
 */

/** Avatar colours; white text on each has a contrast ratio of at least 4.5:1. */
export const PARTICIPANT_COLORS = [
  '#b42318',
  '#1d5fa8',
  '#2b6e2f',
  '#7a3fa0',
  '#9a4a00',
  '#0b6b6a',
  '#a12d66',
  '#4b4fb8',
] as const;

export interface Identity {
  name: string;
  color: string;
}

const STORAGE_KEY = 'eprouvette.identity';
const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

export function randomIdentity(random: () => number = Math.random): Identity {
  const number = 1 + Math.floor(random() * 99);
  const color = PARTICIPANT_COLORS[Math.floor(random() * PARTICIPANT_COLORS.length)] ?? PARTICIPANT_COLORS[0];
  return { name: `Participant ${number}`, color };
}

/** Checks an identity received from someone else (awareness states are not trusted). */
export function sanitizeIdentity(value: unknown): Identity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, color } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return null;
  return {
    name: name.trim().slice(0, 60),
    color: typeof color === 'string' && COLOR_PATTERN.test(color) ? color : '#4a5659',
  };
}

export function tabIdentity(): Identity {
  try {
    const stored = sanitizeIdentity(JSON.parse(globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? 'null'));
    if (stored) return stored;
  } catch {
    // Unreadable or unavailable storage: pick a new identity.
  }
  const identity = randomIdentity();
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // Not remembered, that is all.
  }
  return identity;
}
