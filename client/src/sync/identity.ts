/**
 * Who this tab is for the others on a document: the signed-in person's name and a colour derived
 * from their id, so that everyone sees the same person in the same colour.
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

const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

export function userIdentity(user: { id: string; name: string }): Identity {
  // FNV-1a, high bits folded in: ids differ everywhere, and the colour comes from the low bits.
  let hash = 0x811c9dc5;
  for (const char of user.id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  hash ^= hash >>> 16;
  return { name: user.name, color: PARTICIPANT_COLORS[(hash >>> 0) % PARTICIPANT_COLORS.length] ?? PARTICIPANT_COLORS[0] };
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
