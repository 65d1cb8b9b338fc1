import { InvalidCursorError } from '@verwerker/platform';

export interface SeqPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Log pages are keyed by chain position: unique, monotonic, and already indexed. */
export function encodeSeqCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

export function decodeSeqCursor(cursor: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new InvalidCursorError();
  }
  return Number(match[1]);
}
