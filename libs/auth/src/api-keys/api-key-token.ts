import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * `vwk_<prefix>_<secret>`: the fixed `vwk_` start lets secret scanners recognise a leaked key, the prefix
 * (10 lowercase hex digits) is stored in clear to find the key and tell keys apart, and only a SHA-256 of the
 * 256-bit random secret is stored. A slow password hash buys nothing for a random secret of that size.
 */
export const API_KEY_PATTERN = /^vwk_([0-9a-f]{10})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyToken {
  prefix: string;
  secret: string;
  token: string;
}

export function generateApiKeyToken(): ApiKeyToken {
  const prefix = randomBytes(5).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { prefix, secret, token: `vwk_${prefix}_${secret}` };
}

export function parseApiKeyToken(token: string): ApiKeyToken | null {
  const match = API_KEY_PATTERN.exec(token);
  return match ? { prefix: match[1], secret: match[2], token } : null;
}

export function isApiKeyToken(token: string): boolean {
  return token.startsWith('vwk_');
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKeySecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
