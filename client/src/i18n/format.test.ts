import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatEuros, isPast } from './format.ts';

/** Intl separates French thousands with a narrow no-break space; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatEuros', () => {
  it('writes whole euros the French way', () => {
    expect(plain(formatEuros(600_000, 'fr'))).toBe('600 000 €');
    expect(plain(formatEuros(5_000_000, 'fr'))).toBe('5 000 000 €');
    expect(plain(formatEuros(0, 'fr'))).toBe('0 €');
  });

  it('keeps the space before the euro sign unbreakable', () => {
    expect(formatEuros(600_000, 'fr')).not.toContain(' ');
  });

  it('writes them the English way in English', () => {
    expect(formatEuros(600_000, 'en')).toBe('€600,000');
  });
});

describe('formatDay', () => {
  it('writes a calendar day in full', () => {
    expect(formatDay('2026-09-15', 'fr')).toBe('15 septembre 2026');
    expect(formatDay('2027-01-01', 'fr')).toBe('1 janvier 2027');
    expect(formatDay('2026-09-15', 'en')).toBe('15 September 2026');
  });

  it('leaves something that is not a date as it is', () => {
    expect(formatDay('bientôt', 'fr')).toBe('bientôt');
  });
});

describe('formatDateTime', () => {
  it('writes an instant in the given time zone', () => {
    expect(formatDateTime('2026-03-02T13:05:00.000Z', 'fr', 'Europe/Paris')).toBe('2 mars 2026 à 14:05');
    expect(formatDateTime('2026-07-02T13:05:00.000Z', 'fr', 'Europe/Paris')).toBe('2 juillet 2026 à 15:05');
  });
});

describe('isPast', () => {
  it('compares an instant with now', () => {
    const now = Date.parse('2026-03-02T12:00:00Z');
    expect(isPast('2026-03-02T11:59:59Z', now)).toBe(true);
    expect(isPast('2026-03-02T12:00:00Z', now)).toBe(true);
    expect(isPast('2026-03-02T12:00:01Z', now)).toBe(false);
  });
});
