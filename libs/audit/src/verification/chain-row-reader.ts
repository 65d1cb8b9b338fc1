import type { Database } from 'better-sqlite3';
import { databaseKindOf } from '@verwerker/platform';
import type { Pool } from 'pg';
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

  async read(stream: AuditStream, afterSeq: number, toSeq: number, limit: number): Promise<StoredLink[]> {
    const rows = await this.rows(stream === 'access' ? this.accessSql(limit) : this.changeSql(limit), [afterSeq, toSeq]);
    return stream === 'access' ? rows.map(accessLink) : rows.map(changeLink);
  }

  private iso(column: string): string {
    return this.postgres
      ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : `CASE WHEN ${column} IS NULL THEN NULL ELSE replace(${column}, ' ', 'T') || 'Z' END`;
  }

  private range(limit: number): string {
    return this.postgres ? `seq > $1 AND seq <= $2 ORDER BY seq LIMIT ${limit}` : `seq > ? AND seq <= ? ORDER BY seq LIMIT ${limit}`;
  }

  private accessSql(limit: number): string {
    return `SELECT seq, id, external_event_id, client_id, staff_member_id, staff_member_name, system, action, ${this.iso('started_at')}, ${this.iso('ended_at')},
      reason, source_ip, session_id, flags, ${this.iso('recorded_at')}, content_hash, entry_hash, ${this.iso('purged_at')}
      FROM access_log_entry WHERE ${this.range(limit)}`;
  }

  private changeSql(limit: number): string {
    return `SELECT seq, id, ${this.iso('occurred_at')}, actor_kind, actor_role, actor_label, credential_id, client_id, action, subject_type, subject_id,
      summary, content_hash, entry_hash, ${this.iso('purged_at')}
      FROM change_trail_entry WHERE ${this.range(limit)}`;
  }

  private async rows(sql: string, parameters: unknown[]): Promise<unknown[][]> {
    if (this.postgres) {
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      return (await pool.query({ text: sql, values: parameters, rowMode: 'array' })).rows as unknown[][];
    }
    const database = (this.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
    return database.prepare(sql).raw(true).all(...parameters) as unknown[][];
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
