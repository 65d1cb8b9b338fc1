import type { Database, Statement } from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EntityManager } from 'typeorm';
import { databaseKindOf, instantParameter } from './portable-types';

/** Both drivers cap bound parameters per statement (PostgreSQL 65,535; SQLite 32,766). */
const MAX_PARAMETERS = 30_000;

/**
 * A multi-row INSERT for hot write paths (audit ingestion), where building 1,000 entities through TypeORM's
 * query builder costs more than the database does. Values: Date becomes the driver's instant form, a plain
 * object becomes JSON, a boolean becomes 1/0 on SQLite.
 */
export async function insertRows(manager: EntityManager, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const postgres = databaseKindOf(manager) === 'postgres';
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const columnList = columns.map((column) => `"${column}"`).join(', ');
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const parameters: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        parameters.push(toParameter(manager, value, postgres));
        return postgres ? `$${parameters.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(', ')}`, parameters);
  }
}

function toParameter(manager: EntityManager, value: unknown, postgres: boolean): unknown {
  if (value instanceof Date) return instantParameter(manager, value);
  if (typeof value === 'boolean') return postgres ? value : value ? 1 : 0;
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

/**
 * The fastest bulk write each database has, inside the caller's transaction: COPY FROM STDIN on PostgreSQL
 * (about three times a multi-row INSERT: no per-statement parameter binding or parsing), one prepared
 * single-row INSERT run per row on SQLite (about a third faster than a multi-row INSERT of thousands of
 * parameters, which SQLite must parse and plan each time). Values: Date as UTC ISO text, null as NULL,
 * everything else as its text form.
 */
export async function copyRows(manager: EntityManager, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  if (databaseKindOf(manager) !== 'postgres') {
    insertRowsPrepared(manager, table, columns, rows);
    return;
  }
  await copyLines(manager, table, columns, rows.map((row) => row.map(copyField).join('\t')));
}

/**
 * Rows whose last columns are only known inside the transaction (an audit chain's positions and hashes): the
 * rest is encoded beforehand as COPY text on PostgreSQL, so a lock taken in the transaction is held only for
 * the write itself. (SQLite has one writer at a time anyway; its values are bound as they are written.)
 */
export class PreparedRows {
  private constructor(
    private readonly postgres: boolean,
    private readonly leading: readonly unknown[][] | readonly string[],
  ) {}

  static of(manager: EntityManager, leading: readonly unknown[][]): PreparedRows {
    const postgres = databaseKindOf(manager) === 'postgres';
    // SQLite binds values, converted once as the rows are written (insertRowsPrepared).
    return new PreparedRows(postgres, postgres ? leading.map((row) => row.map(copyField).join('\t')) : leading);
  }

  get length(): number {
    return this.leading.length;
  }

  /** Writes row i as its leading values followed by trailing[i]; `columns` names both, in that order. */
  async write(manager: EntityManager, table: string, columns: readonly string[], trailing: readonly unknown[][]): Promise<void> {
    if (trailing.length !== this.leading.length) throw new Error(`PreparedRows: ${this.leading.length} rows, ${trailing.length} trailing parts`);
    if (this.leading.length === 0) return;
    if (!this.postgres) {
      insertRowsPrepared(manager, table, columns, (this.leading as unknown[][]).map((row, index) => [...row, ...trailing[index]]));
      return;
    }
    const lines = (this.leading as string[]).map((prefix, index) => `${prefix}\t${trailing[index].map(copyField).join('\t')}`);
    await copyLines(manager, table, columns, lines);
  }
}

async function copyLines(manager: EntityManager, table: string, columns: readonly string[], lines: string[]): Promise<void> {
  const connection = (manager.queryRunner as unknown as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (!connection) throw new Error('copyRows needs a transaction (an EntityManager from TransactionRunner.run)');
  const statement = `COPY "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) FROM STDIN`;
  await pipeline(Readable.from([`${lines.join('\n')}\n`]), connection.query(copyFrom(statement)));
}

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text =
    typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : typeof value === 'object' && !Buffer.isBuffer(value) ? JSON.stringify(value) : String(value);
  // Testing first is cheaper than a global replace on the many values that need no escape.
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character]) : text;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * SQLite has one connection: statements run on it directly join the transaction the caller's manager
 * opened (TransactionRunner serialises SQLite writers, so nothing else runs in between).
 */
function insertRowsPrepared(manager: EntityManager, table: string, columns: readonly string[], rows: readonly unknown[][]): void {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('copyRows needs a transaction (an EntityManager from TransactionRunner.run)');
  const database = (manager.connection.driver as unknown as { databaseConnection: Database }).databaseConnection;
  const statement = preparedInsert(database, table, columns);
  for (const row of rows) statement.run(row.map((value) => toParameter(manager, value, false)));
}

const PREPARED_INSERTS = new WeakMap<Database, Map<string, Statement>>();

function preparedInsert(database: Database, table: string, columns: readonly string[]): Statement {
  let statements = PREPARED_INSERTS.get(database);
  if (!statements) PREPARED_INSERTS.set(database, (statements = new Map()));
  const sql = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = database.prepare(sql)));
  return statement;
}
