import { linkHash } from '../chain/chain-hash';

/** One stored entry as verification sees it. `computedContentHash` is null for a purged entry. */
export interface StoredLink {
  seq: number;
  /** Null where the reader left it out (the access stream); the caller looks up the one a failure names. */
  id: string | null;
  contentHash: string;
  entryHash: string;
  computedContentHash: string | null;
  /** UTC ISO instant of the event (access start, change time): ISO strings compare in time order. */
  eventTime: string;
  purgedAt: string | null;
}

export interface VerificationFailure {
  seq: number;
  entryId: string | null;
  reason: string;
}

/**
 * Pure and incremental: fed entries in seq order, it answers the first entry that does not verify. It checks
 * that no position is missing, that each stored content hash matches the content (unless purged), that each
 * link covers the previous hash, and that a purged entry was really past its retention period.
 */
export class ChainVerifier {
  private expectedSeq: number;
  private previousHash: string;

  constructor(
    startAfterSeq: number,
    startAfterHash: string,
    private readonly purgeableBefore: string,
  ) {
    this.expectedSeq = startAfterSeq + 1;
    this.previousHash = startAfterHash;
  }

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get lastHash(): string {
    return this.previousHash;
  }

  accept(entry: StoredLink): VerificationFailure | null {
    if (entry.seq !== this.expectedSeq) {
      return entry.seq > this.expectedSeq
        ? { seq: this.expectedSeq, entryId: null, reason: `entry ${this.expectedSeq} is missing (deleted?): the next stored entry is ${entry.seq}` }
        : { seq: entry.seq, entryId: entry.id, reason: `entry ${entry.seq} appears twice or out of order` };
    }
    if (entry.purgedAt) {
      if (entry.eventTime >= this.purgeableBefore) {
        return { seq: entry.seq, entryId: entry.id, reason: 'content was erased before its retention period ended' };
      }
    } else if (entry.computedContentHash !== entry.contentHash) {
      return { seq: entry.seq, entryId: entry.id, reason: 'content does not match its hash (the entry was changed)' };
    }
    if (linkHash(this.previousHash, entry.seq, entry.contentHash) !== entry.entryHash) {
      return { seq: entry.seq, entryId: entry.id, reason: 'link hash does not cover the previous entry (the chain was altered)' };
    }
    this.previousHash = entry.entryHash;
    this.expectedSeq += 1;
    return null;
  }
}

/** One slice of a stream to verify: the entries afterSeq < seq ≤ toSeq. */
export interface ChainChunkRequest {
  afterSeq: number;
  toSeq: number;
  /** UTC ISO instant: an entry whose event is older may have been purged. */
  purgeableBefore: string;
  /** Sizes of signed checkpoints in this slice, whose entry hashes the caller compares. */
  checkpointSeqs: number[];
}

export interface ChainChunkResult {
  /** The stored hash of entry afterSeq the slice was linked onto (the genesis hash for 0). */
  anchorHash: string;
  entriesChecked: number;
  purgedEntries: number;
  lastSeq: number;
  lastHash: string;
  failure: VerificationFailure | null;
  checkpointHashes: [number, string][];
}

/**
 * Verifies one slice on its own, so slices can be checked side by side: `links` starts with entry afterSeq
 * itself (its stored hash anchors the slice; the slice before checks that entry), unless afterSeq is 0. The
 * caller checks that each slice's anchorHash is the lastHash of the slice before.
 */
export function verifyChainChunk(request: ChainChunkRequest, links: Iterable<StoredLink>, genesisHash: string): ChainChunkResult {
  const wanted = new Set(request.checkpointSeqs);
  const checkpointHashes: [number, string][] = [];
  let anchorHash = genesisHash;
  let verifier = request.afterSeq > 0 ? null : new ChainVerifier(0, genesisHash, request.purgeableBefore);
  let entriesChecked = 0;
  let purgedEntries = 0;
  let failure: VerificationFailure | null = null;
  for (const link of links) {
    if (!verifier) {
      if (link.seq !== request.afterSeq) break;
      anchorHash = link.entryHash;
      verifier = new ChainVerifier(request.afterSeq, anchorHash, request.purgeableBefore);
      continue;
    }
    failure = verifier.accept(link);
    if (failure) break;
    entriesChecked += 1;
    if (link.purgedAt) purgedEntries += 1;
    if (wanted.has(link.seq)) checkpointHashes.push([link.seq, link.entryHash]);
  }
  if (!verifier) {
    failure = { seq: request.afterSeq, entryId: null, reason: `entry ${request.afterSeq} is missing (deleted?)` };
    return { anchorHash: '', entriesChecked: 0, purgedEntries: 0, lastSeq: request.afterSeq - 1, lastHash: '', failure, checkpointHashes: [] };
  }
  if (!failure && verifier.lastSeq < request.toSeq) {
    const missing = verifier.lastSeq + 1 === request.toSeq ? `entry ${request.toSeq} is` : `entries ${verifier.lastSeq + 1} to ${request.toSeq} are`;
    failure = { seq: verifier.lastSeq + 1, entryId: null, reason: `${missing} missing (deleted?)` };
  }
  return { anchorHash, entriesChecked, purgedEntries, lastSeq: verifier.lastSeq, lastHash: verifier.lastHash, failure, checkpointHashes };
}
