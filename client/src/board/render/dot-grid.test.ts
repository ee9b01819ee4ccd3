import { describe, expect, it } from 'vitest';
import { dotSpacing } from './dot-grid.ts';

describe('dotSpacing', () => {
  it('keeps the dots of 100 % on a 24-unit grid', () => {
    expect(dotSpacing(1, 1)).toBe(24);
    expect(dotSpacing(0.6, 1)).toBe(24);
  });

  it('thins them by fours as the view zooms out', () => {
    expect(dotSpacing(0.5, 1)).toBe(96);
    expect(dotSpacing(0.1, 1)).toBe(384);
    expect(dotSpacing(0.5, 2)).toBe(24);
  });
});
