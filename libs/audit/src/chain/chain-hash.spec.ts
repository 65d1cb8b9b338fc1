import { extendChain, GENESIS_HASH, linkHash, sha256Hex } from './chain-hash';

describe('extendChain', () => {
  it('numbers entries after the head and links each to the one before', () => {
    const sut = extendChain(0, GENESIS_HASH, ['["a"]', '["b"]']);
    expect(sut.map((link) => link.seq)).toEqual([1, 2]);
    expect(sut[0].entryHash).toBe(linkHash(GENESIS_HASH, 1, sha256Hex('["a"]')));
    expect(sut[1].entryHash).toBe(linkHash(sut[0].entryHash, 2, sha256Hex('["b"]')));
  });

  it('gives the same chain whether entries arrive in one batch or two', () => {
    const whole = extendChain(0, GENESIS_HASH, ['1', '2', '3']);
    const first = extendChain(0, GENESIS_HASH, ['1']);
    const rest = extendChain(1, first[0].entryHash, ['2', '3']);
    expect([...first, ...rest]).toEqual(whole);
  });

  it('changes every later hash when one content changes', () => {
    const original = extendChain(0, GENESIS_HASH, ['1', '2', '3']);
    const tampered = extendChain(0, GENESIS_HASH, ['1', '2x', '3']);
    expect(tampered[0].entryHash).toBe(original[0].entryHash);
    expect(tampered[1].entryHash).not.toBe(original[1].entryHash);
    expect(tampered[2].entryHash).not.toBe(original[2].entryHash);
  });

  it('binds the position: the same content at another seq hashes differently', () => {
    expect(linkHash(GENESIS_HASH, 1, sha256Hex('x'))).not.toBe(linkHash(GENESIS_HASH, 2, sha256Hex('x')));
  });
});
