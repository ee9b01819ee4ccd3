import { describe, expect, it } from 'vitest';
import { INK, INK_TINTS, STICKY_FILLS, TEXT_ON_PALE } from './palette.ts';

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('board palette', () => {
  it('keeps text on every sticky colour at AA contrast', () => {
    for (const fill of Object.values(STICKY_FILLS)) expect(contrast(fill, TEXT_ON_PALE)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps text on every shape fill at AA contrast', () => {
    for (const fill of Object.values(INK_TINTS)) if (fill !== null) expect(contrast(fill, TEXT_ON_PALE)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps every ink readable on the white board', () => {
    for (const ink of Object.values(INK)) if (ink !== null) expect(contrast(ink, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('paints nothing for « aucun »', () => {
    expect(INK.aucun).toBeNull();
    expect(INK_TINTS.aucun).toBeNull();
  });
});
