import { contentHash, extendChain, GENESIS_HASH } from '../chain/chain-hash';
import { ChainChunkRequest, ChainVerifier, StoredLink, verifyChainChunk } from './chain-verifier';

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

describe('verifyChainChunk', () => {
  const chain = storedChain(['a', 'b', 'c', 'd', 'e', 'f']);
  const slice = (afterSeq: number, toSeq: number, checkpointSeqs: number[] = []): ChainChunkRequest => ({ afterSeq, toSeq, purgeableBefore: PURGEABLE_BEFORE, checkpointSeqs });
  /** What the reader gives for a slice: entry afterSeq (the anchor) and the entries after it. */
  const rows = (afterSeq: number, toSeq: number) => chain.filter((link) => link.seq >= afterSeq && link.seq <= toSeq);

  it('checks slices on their own that together cover the chain', () => {
    const first = verifyChainChunk(slice(0, 3, [2]), rows(0, 3), GENESIS_HASH);
    const second = verifyChainChunk(slice(3, 6), rows(3, 6), GENESIS_HASH);
    expect(first).toEqual({ anchorHash: GENESIS_HASH, entriesChecked: 3, purgedEntries: 0, lastSeq: 3, lastHash: chain[2].entryHash, failure: null, checkpointHashes: [[2, chain[1].entryHash]] });
    expect(second).toMatchObject({ anchorHash: chain[2].entryHash, entriesChecked: 3, lastSeq: 6, lastHash: chain[5].entryHash, failure: null });
  });

  it('names a missing anchor, a missing last entry and a missing run', () => {
    expect(verifyChainChunk(slice(3, 6), rows(4, 6), GENESIS_HASH).failure).toEqual({ seq: 3, entryId: null, reason: 'entry 3 is missing (deleted?)' });
    expect(verifyChainChunk(slice(3, 6), rows(3, 5), GENESIS_HASH).failure).toEqual({ seq: 6, entryId: null, reason: 'entry 6 is missing (deleted?)' });
    expect(verifyChainChunk(slice(0, 6), rows(0, 3), GENESIS_HASH).failure).toEqual({ seq: 4, entryId: null, reason: 'entries 4 to 6 are missing (deleted?)' });
  });

  it('stops at the first entry that does not verify', () => {
    const tampered = rows(2, 6).map((link) => (link.seq === 4 ? { ...link, computedContentHash: contentHash('D') } : link));
    expect(verifyChainChunk(slice(2, 6), tampered, GENESIS_HASH)).toMatchObject({ entriesChecked: 1, lastSeq: 3, failure: { seq: 4, entryId: 'e4' } });
  });
});
