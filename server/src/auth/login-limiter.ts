/**
 * Log-in attempts allowed per IP address and per account: a token bucket per key, refilled over
 * time. Per account stops guessing one person's password from many addresses; per IP stops one
 * address from trying many accounts. Failed and successful attempts both count: a correct
 * password found by guessing must not be distinguishable by a different limit.
 */
export interface LimitRule {
  /** Attempts allowed in a burst. */
  capacity: number;
  /** One attempt comes back every `refillMs`. */
  refillMs: number;
}

export const LOGIN_LIMITS = {
  perAccount: { capacity: 10, refillMs: 60_000 },
  perIp: { capacity: 30, refillMs: 10_000 },
} satisfies Record<string, LimitRule>;

/**
 * Sign-ups per IP: each costs a password hash and creates rows, unauthenticated. A workshop room
 * behind one public address signs up a dozen agents within minutes; a script gets a few per minute.
 */
export const SIGNUP_LIMIT: LimitRule = { capacity: 20, refillMs: 30_000 };

/** Keys kept at most; beyond, the oldest are dropped (an attacker cannot grow memory forever). */
const MAX_KEYS = 100_000;

export class AttemptLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rule: LimitRule) {}

  /** Takes one attempt for `key`: 0 when allowed, else the seconds to wait. */
  take(key: string, now = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.rule.capacity, at: now };
    const refilled = Math.min(this.rule.capacity, bucket.tokens + (now - bucket.at) / this.rule.refillMs);
    this.buckets.delete(key); // re-inserted last: the map's order is least recently used first
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return Math.ceil(((1 - refilled) * this.rule.refillMs) / 1000);
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    return 0;
  }
}

export class LoginLimiter {
  private readonly perAccount = new AttemptLimiter(LOGIN_LIMITS.perAccount);
  private readonly perIp = new AttemptLimiter(LOGIN_LIMITS.perIp);

  /** 0 when the attempt may proceed, else seconds until the next one is allowed. */
  take(ip: string, email: string, now = Date.now()): number {
    return Math.max(this.perIp.take(ip, now), this.perAccount.take(email, now));
  }
}
