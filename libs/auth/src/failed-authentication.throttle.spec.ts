import { ManualClock } from '@verwerker/platform';
import { FailedAuthenticationThrottle } from './failed-authentication.throttle';

describe('FailedAuthenticationThrottle', () => {
  const clock = new ManualClock('2026-11-22T03:00:00Z');
  const sut = new FailedAuthenticationThrottle({ limit: 3, windowSeconds: 60 }, clock);

  it('lets an address fail up to the limit, then blocks it until the window has passed', () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(sut.retryAfterSeconds('198.51.100.7')).toBe(0);
      sut.recordFailure('198.51.100.7');
      clock.advance(10_000);
    }
    // The first failure was 30 s ago: 30 s to wait.
    expect(sut.retryAfterSeconds('198.51.100.7')).toBe(30);
    expect(sut.retryAfterSeconds('203.0.113.9')).toBe(0);
    clock.advance(30_001);
    expect(sut.retryAfterSeconds('198.51.100.7')).toBe(0);
  });
});
