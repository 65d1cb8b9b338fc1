import { hash } from 'node:crypto';

/**
 * The tamper evidence of every audit stream: entry n's hash covers its sequence number, the hash of its
 * content and the hash of entry n−1. Changing, removing or reordering any entry breaks every link after it.
 * The content hash is kept apart from the content, so the retention purge can erase personal content and the
 * chain still verifies (DOMAIN.md §4: verifiable after old entries are purged).
 */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditStream = 'access' | 'change';
export const AUDIT_STREAMS: readonly AuditStream[] = ['access', 'change'];

/** One-shot hashing: for the ~100-byte inputs of the chain about twice as fast as createHash(). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

export function contentHash(canonicalContent: string): string {
  return sha256Hex(canonicalContent);
}

export function linkHash(previousHash: string, seq: number, contentHashHex: string): string {
  return sha256Hex(`${previousHash}\n${seq}\n${contentHashHex}`);
}

export interface ChainLink {
  seq: number;
  contentHash: string;
  entryHash: string;
}

/** Links contents onto a chain whose head is (size, headHash). Pure: the caller holds the head lock. */
export function extendChain(size: number, headHash: string, canonicalContents: string[]): ChainLink[] {
  return linkContentHashes(size, headHash, canonicalContents.map(contentHash));
}

/**
 * The part that needs the head: content hashes can be computed before the lock is taken, so the lock is held
 * only for these short link hashes and the write.
 */
export function linkContentHashes(size: number, headHash: string, contentHashes: string[]): ChainLink[] {
  const links: ChainLink[] = [];
  let previous = headHash;
  contentHashes.forEach((hashOfContent, index) => {
    const seq = size + index + 1;
    previous = linkHash(previous, seq, hashOfContent);
    links.push({ seq, contentHash: hashOfContent, entryHash: previous });
  });
  return links;
}
