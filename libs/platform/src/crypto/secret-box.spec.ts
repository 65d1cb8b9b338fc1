import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const sut = new SecretBox(randomBytes(32));

  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const sealed = sut.seal('whsec_c2VjcmV0LXNpZ25pbmcta2V5');
    expect(sealed).not.toContain('c2VjcmV0LXNpZ25pbmcta2V5');
    expect(sut.open(sealed)).toBe('whsec_c2VjcmV0LXNpZ25pbmcta2V5');
  });

  it('seals the same secret differently each time (random IV)', () => {
    expect(sut.seal('same')).not.toBe(sut.seal('same'));
  });

  it('refuses a tampered ciphertext', () => {
    const [v, iv, tag, data] = sut.seal('secret').split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => sut.open([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('refuses to open with another key', () => {
    expect(() => new SecretBox(randomBytes(32)).open(sut.seal('secret'))).toThrow();
  });

  it('insists on a 256-bit key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
