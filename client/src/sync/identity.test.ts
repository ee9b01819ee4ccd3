import { describe, expect, it } from 'vitest';
import { PARTICIPANT_COLORS, sanitizeIdentity, userIdentity } from './identity.ts';

describe('participant identity', () => {
  it('is the person’s name and a colour that depends only on their id', () => {
    const claire = userIdentity({ id: 'mzxw6ytbojtg633c', name: 'Claire Vasseur' });
    expect(claire.name).toBe('Claire Vasseur');
    expect(PARTICIPANT_COLORS).toContain(claire.color);
    expect(userIdentity({ id: 'mzxw6ytbojtg633c', name: 'Claire V.' }).color).toBe(claire.color);
    const colours = new Set(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd'].map((id) => userIdentity({ id, name: 'x' }).color));
    expect(colours.size).toBeGreaterThan(1);
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
