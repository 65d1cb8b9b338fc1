import { linkHash } from '../chain/chain-hash';

/** One stored entry as verification sees it. `computedContentHash` is null for a purged entry. */
export interface StoredLink {
  seq: number;
  id: string;
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
