import { backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  const policy = { baseSeconds: 30, maxSeconds: 3600 };

  it.each([
    // attempts, random, expected ms: half fixed, half jitter (equal jitter)
    [1, 0, 15_000],
    [1, 0.999999, 30_000],
    [1, 0.5, 22_500],
    [2, 0, 30_000],
    [3, 0, 60_000],
    [4, 0.5, 180_000],
    // capped at maxSeconds from attempt 8 (30 · 2^7 = 3840 > 3600)
    [8, 0, 1_800_000],
    [8, 0.999999, 3_600_000],
    [50, 0.5, 2_700_000],
  ])('after %i failed attempt(s) with random %f waits %i ms', (attempts, random, expected) => {
    expect(backoffDelayMs(attempts, policy, random)).toBeCloseTo(expected, -1);
  });

  it('never waits less than half the nominal delay, so a retry never comes back at once', () => {
    for (let attempts = 1; attempts <= 12; attempts++) {
      const nominal = Math.min(30 * 2 ** (attempts - 1), 3600) * 1000;
      expect(backoffDelayMs(attempts, policy, 0)).toBe(nominal / 2);
    }
  });

  it.each([[0], [-1], [1.5]])('refuses attempts %p', (attempts) => {
    expect(() => backoffDelayMs(attempts, policy, 0)).toThrow(RangeError);
  });

  it('refuses a random number outside [0, 1)', () => {
    expect(() => backoffDelayMs(1, policy, 1)).toThrow(RangeError);
  });
});
