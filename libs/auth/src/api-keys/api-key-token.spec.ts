import { generateApiKeyToken, hashApiKeySecret, parseApiKeyToken, secretMatches } from './api-key-token';

describe('API key tokens', () => {
  it('parses what it generates', () => {
    const sut = generateApiKeyToken();
    expect(sut.token).toMatch(/^vwk_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKeyToken(sut.token)).toEqual(sut);
  });

  it.each(['', 'vwk_', 'vwk_0123456789_short', 'xyz_0123456789_' + 'a'.repeat(43), 'vwk_ABCDEF0123_' + 'a'.repeat(43)])(
    'refuses the malformed token %p',
    (token) => {
      expect(parseApiKeyToken(token)).toBeNull();
    },
  );

  it('matches only the right secret against the stored hash', () => {
    const { secret } = generateApiKeyToken();
    const stored = hashApiKeySecret(secret);
    expect(stored).not.toContain(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(generateApiKeyToken().secret, stored)).toBe(false);
  });
});
