import { describe, expect, it } from 'vitest';
import { AttemptLimiter, LOGIN_LIMITS, LoginLimiter } from './login-limiter.ts';

describe('AttemptLimiter', () => {
  it('allows a burst of `capacity`, then asks to wait for the next refill', () => {
    const limiter = new AttemptLimiter({ capacity: 3, refillMs: 60_000 });
    const now = 1_000_000;
    expect([limiter.take('a', now), limiter.take('a', now), limiter.take('a', now)]).toEqual([0, 0, 0]);
    expect(limiter.take('a', now)).toBe(60);
    expect(limiter.take('a', now + 30_000)).toBe(30);
    expect(limiter.take('a', now + 60_000)).toBe(0);
  });

  it('keeps keys apart', () => {
    const limiter = new AttemptLimiter({ capacity: 1, refillMs: 1000 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBeGreaterThan(0);
    expect(limiter.take('b', 0)).toBe(0);
  });

  it('never refills beyond capacity', () => {
    const limiter = new AttemptLimiter({ capacity: 2, refillMs: 1000 });
    limiter.take('a', 0);
    const later = 1_000_000;
    expect([limiter.take('a', later), limiter.take('a', later)]).toEqual([0, 0]);
    expect(limiter.take('a', later)).toBeGreaterThan(0);
  });
});

describe('LoginLimiter', () => {
  it('stops guessing one account from many addresses', () => {
    const limiter = new LoginLimiter();
    for (let i = 0; i < LOGIN_LIMITS.perAccount.capacity; i++) expect(limiter.take(`10.0.0.${i}`, 'elu@demo.fr', 0)).toBe(0);
    expect(limiter.take('10.0.1.1', 'elu@demo.fr', 0)).toBeGreaterThan(0);
  });

  it('stops one address trying many accounts', () => {
    const limiter = new LoginLimiter();
    for (let i = 0; i < LOGIN_LIMITS.perIp.capacity; i++) expect(limiter.take('10.0.0.1', `agent${i}@demo.fr`, 0)).toBe(0);
    expect(limiter.take('10.0.0.1', 'someone-else@demo.fr', 0)).toBeGreaterThan(0);
  });
});
