import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export type TestDatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  kind: TestDatabaseKind;
  /** Environment variables that point the app at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.TEST_DATABASE ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`TEST_DATABASE must be sqlite or postgres, not ${kind}`);
  return kind;
}

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty database per test file: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(kind: TestDatabaseKind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'verwerker-test-'));
    return {
      kind,
      env: { SQLITE_PATH: join(dir, 'verwerker.sqlite'), SECRETS_KEY_FILE: join(dir, 'secrets.key'), AUDIT_SIGNING_KEY_FILE: join(dir, 'audit-signing-key.pem') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `vw_test_${randomBytes(6).toString('hex')}`;
  await withAdminConnection((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'verwerker-test-'));
  return {
    kind,
    env: { DATABASE_URL: url.toString(), SECRETS_KEY_FILE: join(dir, 'secrets.key'), AUDIT_SIGNING_KEY_FILE: join(dir, 'audit-signing-key.pem') },
    drop: async () => {
      await withAdminConnection((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withAdminConnection<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
