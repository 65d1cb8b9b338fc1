import { contentHash, extendChain, GENESIS_HASH } from '../chain/chain-hash';
import { ChainVerifier, StoredLink } from './chain-verifier';

const PURGEABLE_BEFORE = '2026-05-22T00:00:00.000Z';
const OLD = '2026-01-10T09:00:00.000Z';
const RECENT = '2026-11-20T09:00:00.000Z';

function storedChain(contents: string[], eventTime = RECENT): StoredLink[] {
  return extendChain(0, GENESIS_HASH, contents).map((link, index) => ({
    ...link,
    id: `e${link.seq}`,
    computedContentHash: contentHash(contents[index]),
    eventTime,
    purgedAt: null,
  }));
}

function firstFailure(entries: StoredLink[]) {
  const sut = new ChainVerifier(0, GENESIS_HASH, PURGEABLE_BEFORE);
  for (const entry of entries) {
    const failure = sut.accept(entry);
    if (failure) return failure;
  }
  return null;
}

describe('ChainVerifier', () => {
  it('passes an untouched chain', () => {
    expect(firstFailure(storedChain(['a', 'b', 'c']))).toBeNull();
  });

  it('names the entry whose content was changed', () => {
    const chain = storedChain(['a', 'b', 'c']);
    chain[1].computedContentHash = contentHash('B');
    expect(firstFailure(chain)).toEqual({ seq: 2, entryId: 'e2', reason: expect.stringMatching(/content does not match/) });
  });

  it('catches a changed content hash through the link', () => {
    const chain = storedChain(['a', 'b', 'c']);
    chain[1] = { ...chain[1], contentHash: contentHash('B'), computedContentHash: contentHash('B') };
    expect(firstFailure(chain)).toEqual({ seq: 2, entryId: 'e2', reason: expect.stringMatching(/link hash/) });
  });

  it('names the position of a deleted entry', () => {
    const chain = storedChain(['a', 'b', 'c']);
    expect(firstFailure([chain[0], chain[2]])).toEqual({ seq: 2, entryId: null, reason: expect.stringMatching(/missing/) });
  });

  it('passes a purged entry past its retention period, and still catches tampering after it', () => {
    const chain = storedChain(['a', 'b', 'c'], OLD);
    chain[0] = { ...chain[0], computedContentHash: null, purgedAt: '2026-11-01T00:00:00.000Z' };
    expect(firstFailure(chain)).toBeNull();
    chain[2].computedContentHash = contentHash('x');
    expect(firstFailure(chain)).toEqual({ seq: 3, entryId: 'e3', reason: expect.stringMatching(/content does not match/) });
  });

  it('refuses content erased before its retention period ended', () => {
    const chain = storedChain(['a', 'b'], RECENT);
    chain[1] = { ...chain[1], computedContentHash: null, purgedAt: '2026-11-21T00:00:00.000Z' };
    expect(firstFailure(chain)).toEqual({ seq: 2, entryId: 'e2', reason: expect.stringMatching(/retention/) });
  });

  it('continues from a verified position', () => {
    const chain = storedChain(['a', 'b', 'c']);
    const sut = new ChainVerifier(1, chain[0].entryHash, PURGEABLE_BEFORE);
    expect(sut.accept(chain[1])).toBeNull();
    expect(sut.accept(chain[2])).toBeNull();
    expect(sut.lastSeq).toBe(3);
  });
});
