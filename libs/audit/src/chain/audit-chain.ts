import { Injectable } from '@nestjs/common';
import { databaseKindOf, placeholder } from '@verwerker/platform';
import { EntityManager } from 'typeorm';
import { AuditStream, ChainLink, linkContentHashes } from './chain-hash';

/**
 * Appends to a stream's chain inside the caller's transaction. On PostgreSQL the head row is locked
 * (SELECT … FOR UPDATE) for the rest of the transaction, so appenders on any number of instances queue on it
 * and the chain never forks or skips; on SQLite the TransactionRunner already lets one writer in at a time.
 */
@Injectable()
export class AuditChain {
  /** `contentHashes` in append order; `insert` writes the rows for the links it is given, in the same transaction. */
  async append(manager: EntityManager, stream: AuditStream, contentHashes: string[], insert: (links: ChainLink[]) => Promise<void>): Promise<ChainLink[]> {
    if (contentHashes.length === 0) return [];
    const lock = databaseKindOf(manager) === 'postgres' ? ' FOR UPDATE' : '';
    const heads: { size: string | number; head_hash: string }[] = await manager.query(
      `SELECT size, head_hash FROM audit_chain_head WHERE stream = ${placeholder(manager, 1)}${lock}`,
      [stream],
    );
    if (heads.length !== 1) throw new Error(`The audit chain head for stream ${stream} is missing`);
    const links = linkContentHashes(Number(heads[0].size), heads[0].head_hash, contentHashes);
    await insert(links);
    const last = links[links.length - 1];
    await manager.query(
      `UPDATE audit_chain_head SET size = ${placeholder(manager, 1)}, head_hash = ${placeholder(manager, 2)} WHERE stream = ${placeholder(manager, 3)}`,
      [last.seq, last.entryHash, stream],
    );
    return links;
  }
}
