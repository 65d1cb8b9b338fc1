import { Clock } from '@verwerker/platform';

export interface FailedAuthenticationLimits {
  /** Failed attempts allowed per source address within the window. */
  limit: number;
  windowSeconds: number;
}

/**
 * Slows down key guessing: after `limit` failed authentications from one address within the window, that
 * address gets 429 until the window has passed. Successful requests are never counted. In-memory per
 * instance: with N instances an attacker gets at most N × limit tries per window, still far below what
 * guessing a 256-bit key needs.
 */
export class FailedAuthenticationThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: FailedAuthenticationLimits,
    private readonly clock: Clock,
  ) {}

  /** Seconds until the address may try again, or 0 when it may try now. */
  retryAfterSeconds(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.limits.limit) return 0;
    const oldest = recent[recent.length - this.limits.limit];
    return Math.max(1, Math.ceil((oldest + this.limits.windowSeconds * 1000 - this.clock.now().getTime()) / 1000));
  }

  recordFailure(address: string): void {
    const recent = this.recent(address);
    recent.push(this.clock.now().getTime());
    this.failures.set(address, recent);
    if (this.failures.size > 10_000) this.evictExpired();
  }

  private recent(address: string): number[] {
    const since = this.clock.now().getTime() - this.limits.windowSeconds * 1000;
    return (this.failures.get(address) ?? []).filter((at) => at > since);
  }

  private evictExpired(): void {
    for (const address of this.failures.keys()) {
      const recent = this.recent(address);
      if (recent.length === 0) this.failures.delete(address);
      else this.failures.set(address, recent);
    }
  }
}
