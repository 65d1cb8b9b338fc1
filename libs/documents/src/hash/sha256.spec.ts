import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 test vector for "abc" in lower-case hex', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
