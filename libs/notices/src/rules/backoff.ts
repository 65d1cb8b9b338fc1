export interface BackoffPolicy {
  baseSeconds: number;
  maxSeconds: number;
}

/**
 * Delay before the next attempt after `attempts` failed ones: exponential (base · 2^(attempts−1)), capped,
 * with "equal jitter" — half the delay fixed, half random — so retries of many deliveries after one outage
 * spread out instead of hitting the recovered receiver together, yet never come back at once.
 * `random` is a number in [0, 1), injected so the schedule can be tested.
 */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy, random: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number ≥ 1, not ${attempts}`);
  if (random < 0 || random >= 1) throw new RangeError(`random must be in [0, 1), not ${random}`);
  // 2^30 already exceeds any sane cap; the exponent is bounded so the number stays finite.
  const exponential = policy.baseSeconds * 2 ** Math.min(attempts - 1, 30);
  const capped = Math.min(exponential, policy.maxSeconds) * 1000;
  return Math.round(capped / 2 + (capped / 2) * random);
}
