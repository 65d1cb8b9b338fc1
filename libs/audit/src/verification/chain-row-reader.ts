import type { Database } from 'better-sqlite3';
import { databaseKindOf } from '@verwerker/platform';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { canonicalAccessContent } from '../access/access-entry.content';
import { AccessAction } from '../access/access-entry.entity';
import { AuditStream, contentHash } from '../chain/chain-hash';
import { canonicalChangeContent, ChangeEntryContent } from '../changes/change-content';
import { StoredLink } from './chain-verifier';

/**
 * Reads chain rows for verification as fast as each driver allows: positional rows straight from pg /
 * better-sqlite3 (no entity hydration), instants formatted as UTC ISO text by the database (no Date
 * parsing). Verification of a million entries is mostly this loop.
 */
export class ChainRowReader {
  private readonly postgres: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = databaseKindOf(dataSource) === 'postgres';
  }

  /**
   * The raw rows with afterSeq < seq ≤ toSeq. A closed seq range (not LIMIT) keeps every read an index range
   * scan: with `ORDER BY seq LIMIT n` the planner may sort the whole remaining table for each chunk.
   */
  readRows(stream: AuditStream, afterSeq: number, toSeq: number): Promise<unknown[][]> {
    return this.rows(stream === 'access' ? this.accessSql() : this.changeSql(), [afterSeq, toSeq]);
  }

  /**
   * Rows to links, recomputing each content hash. Kept apart from reading so the caller can hash one chunk
   * while the database produces the next.
   */
  links(stream: AuditStream, rows: unknown[][]): StoredLink[] {
    return stream === 'access' ? rows.map(accessLink) : rows.map(changeLink);
  }

  /** Rows of `SELECT … WHERE seq > after AND seq <= to`: positional, all text (or null). */
  private async rows(sql: string, [afterSeq, toSeq]: [number, number]): Promise<unknown[][]> {
    if (!Number.isSafeInteger(afterSeq) || !Number.isSafeInteger(toSeq)) throw new RangeError('seq bounds must be integers');
    if (this.postgres) return this.copyOut(sql.replace('$1', String(afterSeq)).replace('$2', String(toSeq)));
    const database = (this.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
    return database.prepare(sql).raw(true).all(afterSeq, toSeq) as unknown[][];
  }

  /**
   * COPY … TO STDOUT streams rows as tab-separated text, several times faster than the row protocol for a
   * large read; each chunk takes its own pooled connection, so the next can be fetched while one is hashed.
   */
  private async copyOut(select: string): Promise<unknown[][]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of client.query(copyTo(`COPY (${select}) TO STDOUT`))) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const rows: unknown[][] = [];
      for (const line of text.split('\n')) if (line) rows.push(line.split('\t').map(copyValue));
      return rows;
    } finally {
      client.release();
    }
  }

  private iso(column: string): string {
    return this.postgres
      ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : `CASE WHEN ${column} IS NULL THEN NULL ELSE replace(${column}, ' ', 'T') || 'Z' END`;
  }

  private range(): string {
    return this.postgres ? 'seq > $1 AND seq <= $2 ORDER BY seq' : 'seq > ? AND seq <= ? ORDER BY seq';
  }

  private accessSql(): string {
    return `SELECT seq, id, external_event_id, client_id, staff_member_id, staff_member_name, system, action, ${this.iso('started_at')}, ${this.iso('ended_at')},
      reason, source_ip, session_id, flags, ${this.iso('recorded_at')}, content_hash, entry_hash, ${this.iso('purged_at')}
      FROM access_log_entry WHERE ${this.range()}`;
  }

  private changeSql(): string {
    return `SELECT seq, id, ${this.iso('occurred_at')}, actor_kind, actor_role, actor_label, credential_id, client_id, action, subject_type, subject_id,
      summary, content_hash, entry_hash, ${this.iso('purged_at')}
      FROM change_trail_entry WHERE ${this.range()}`;
  }


}

function accessLink(row: unknown[]): StoredLink {
  const [seq, id, externalEventId, clientId, staffMemberId, staffMemberName, system, action, startedAt, endedAt, reason, sourceIp, sessionId, flags, recordedAt, storedContentHash, entryHash, purgedAt] =
    row as [string | number, string, string, string, string | null, string | null, string, AccessAction, string, string | null, string | null, string | null, string | null, number | string, string, string, string, string | null];
  return {
    seq: Number(seq),
    id,
    contentHash: storedContentHash,
    entryHash,
    eventTime: startedAt,
    purgedAt,
    computedContentHash: purgedAt
      ? null
      : contentHash(
          canonicalAccessContent({
            externalEventId,
            clientId,
            staffMemberId: staffMemberId ?? '',
            staffMemberName: staffMemberName ?? '',
            system,
            action,
            startedAt,
            endedAt,
            reason,
            sourceIp,
            sessionId,
            flags: Number(flags),
            recordedAt,
          }),
        ),
  };
}

function changeLink(row: unknown[]): StoredLink {
  const [seq, id, occurredAt, actorKind, actorRole, actorLabel, credentialId, clientId, action, subjectType, subjectId, summary, storedContentHash, entryHash, purgedAt] =
    row as [string | number, string, string, string, string, string | null, string | null, string | null, string, string, string, unknown, string, string, string | null];
  return {
    seq: Number(seq),
    id,
    contentHash: storedContentHash,
    entryHash,
    eventTime: occurredAt,
    purgedAt,
    computedContentHash: purgedAt
      ? null
      : contentHash(
          canonicalChangeContent({
            occurredAt,
            actorKind,
            actorRole,
            actorLabel: actorLabel ?? '',
            credentialId,
            clientId,
            action,
            subjectType,
            subjectId,
            summary: (typeof summary === 'string' ? JSON.parse(summary) : summary) as ChangeEntryContent['summary'],
          }),
        ),
  };
}

/** COPY text format: \\N is NULL; backslash escapes only where a value had a backslash or control character. */
function copyValue(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_match, character: string) => COPY_UNESCAPES[character] ?? character);
}

const COPY_UNESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v', '\\': '\\' };
