import type { Database } from 'better-sqlite3';
import { databaseKindOf } from '@verwerker/platform';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { AuditStream } from '../chain/chain-hash';
import { ACCESS_CHAIN_COLUMNS, accessLinkOfSqliteRow, accessLinksFromCopy } from './access-chain-rows';
import { CHANGE_CHAIN_COLUMNS, changeLinkOfRow } from './change-chain-rows';
import { StoredLink } from './chain-verifier';
import { parseCopyText } from './stored-rows';

/** A slice of stored rows, in whichever form its database gives fastest. */
export type StoredRows = { copyText: Buffer } | { rows: unknown[][] };

/**
 * Reads chain rows for verification as fast as each driver allows: COPY text from PostgreSQL, positional
 * rows from better-sqlite3 (no entity hydration), instants as the databases write them in UTC (no Date
 * parsing; on PostgreSQL no to_char, which costs several times the plain output).
 * Each slice includes the entry before it, which anchors the slice (see verifyChainChunk).
 */
export class ChainRowReader {
  readonly postgres: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = databaseKindOf(dataSource) === 'postgres';
  }

  /**
   * The SELECT of anchorSeq ≤ seq ≤ toSeq with `?` placeholders. A closed seq range (not LIMIT) keeps every
   * read an index range scan: with `ORDER BY seq LIMIT n` the planner may sort the whole remaining table.
   */
  selectSql(stream: AuditStream): string {
    const [table, columns] = stream === 'access' ? ['access_log_entry', ACCESS_CHAIN_COLUMNS] : ['change_trail_entry', CHANGE_CHAIN_COLUMNS];
    return `SELECT ${columns.join(', ')} FROM ${table} WHERE seq >= ? AND seq <= ? ORDER BY seq`;
  }

  /** The rows with afterSeq ≤ seq ≤ toSeq (entry afterSeq is the anchor). */
  async read(stream: AuditStream, afterSeq: number, toSeq: number): Promise<StoredRows> {
    if (this.postgres) return { copyText: await this.copyText(stream, afterSeq, toSeq) };
    checkBounds(afterSeq, toSeq);
    return { rows: this.sqlite().prepare(this.selectSql(stream)).raw(true).all(afterSeq, toSeq) as unknown[][] };
  }

  /** PostgreSQL only: the same rows as COPY text. */
  copyText(stream: AuditStream, afterSeq: number, toSeq: number): Promise<Buffer> {
    checkBounds(afterSeq, toSeq);
    return this.copyOut(this.selectSql(stream).replace('?', String(afterSeq)).replace('?', String(toSeq)));
  }

  /** Rows to links, recomputing each content hash: the CPU-bound half, kept apart so it can run elsewhere. */
  links(stream: AuditStream, stored: StoredRows): Iterable<StoredLink> {
    if ('rows' in stored) return stored.rows.map(stream === 'access' ? accessLinkOfSqliteRow : changeLinkOfRow);
    const text = stored.copyText.toString('utf8');
    return stream === 'access' ? accessLinksFromCopy(text) : parseCopyText(text).map(changeLinkOfRow);
  }

  /** The SQLite file, for readers on other threads; null for an in-memory database or on PostgreSQL. */
  sqliteFile(): string | null {
    if (this.postgres) return null;
    const file = this.sqlite().name;
    return file && file !== ':memory:' && !this.sqlite().memory ? file : null;
  }

  private sqlite(): Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  }

  /**
   * COPY … TO STDOUT streams rows as tab-separated text, several times faster than the row protocol for a
   * large read; each slice takes its own pooled connection, so several can be fetched at once. The time zone
   * and DateStyle are pinned for the read, since the instants are read from their text.
   */
  private async copyOut(select: string): Promise<Buffer> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    try {
      await client.query("BEGIN READ ONLY; SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, MDY'");
      const chunks: Buffer[] = [];
      for await (const chunk of client.query(copyTo(`COPY (${select}) TO STDOUT`))) chunks.push(chunk as Buffer);
      await client.query('COMMIT');
      return Buffer.concat(chunks);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** The bounds are written into COPY's SQL text (COPY takes no parameters): integers only. */
function checkBounds(afterSeq: number, toSeq: number): void {
  if (!Number.isSafeInteger(afterSeq) || !Number.isSafeInteger(toSeq)) throw new RangeError('seq bounds must be integers');
}
