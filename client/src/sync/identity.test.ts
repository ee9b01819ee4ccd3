import { describe, expect, it } from 'vitest';
import { PARTICIPANT_COLORS, randomIdentity, sanitizeIdentity } from './identity.ts';

describe('participant identity', () => {
  it('picks « Participant NN » and one of our colours', () => {
    for (const value of [0, 0.5, 0.999999]) {
      const identity = randomIdentity(() => value);
      expect(identity.name).toMatch(/^Participant ([1-9]|[1-9]\d)$/);
      expect(PARTICIPANT_COLORS).toContain(identity.color);
    }
  });

  it('does not trust what other clients announce', () => {
    expect(sanitizeIdentity(null)).toBeNull();
    expect(sanitizeIdentity({ name: 42 })).toBeNull();
    expect(sanitizeIdentity({ name: '   ' })).toBeNull();
    expect(sanitizeIdentity({ name: 'Participant 7', color: 'red; background: url(x)' })).toEqual({
      name: 'Participant 7',
      color: '#4a5659',
    });
    expect(sanitizeIdentity({ name: 'x'.repeat(500), color: '#B42318' })?.name).toHaveLength(60);
  });
});
