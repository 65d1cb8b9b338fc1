import type { ChainChunkRequest, ChainChunkResult } from './chain-verifier';

/**
 * A slice of the access stream for a verification worker: either COPY text the main thread read from
 * PostgreSQL, or a SQLite file and query the worker reads itself (better-sqlite3 reads block their thread).
 */
export interface ChainChunkJob {
  request: ChainChunkRequest;
  source: { copyText: Uint8Array } | { sqliteFile: string; sql: string };
}

export type ChainChunkReply = { id: number; result: ChainChunkResult } | { id: number; error: string };
