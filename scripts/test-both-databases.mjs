#!/usr/bin/env node
/**
 * The whole suite, once on SQLite and once on PostgreSQL. Fails when either run fails or runs no test, and
 * fails loudly (never skips) when PostgreSQL cannot be reached. Extra arguments go to jest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const databases = (process.env.TEST_DATABASES ?? 'sqlite,postgres').split(',').map((name) => name.trim());
const jestArguments = process.argv.slice(2);

async function assertPostgresReachable() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    console.error(`\nPostgreSQL is not reachable at ${postgresUrl}: ${error.message}`);
    console.error('Start it (see README, "Tests") or set TEST_POSTGRES_URL. The suite does not skip PostgreSQL.\n');
    process.exit(2);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function runJest(database) {
  const reportFile = join(mkdtempSync(join(tmpdir(), 'verwerker-jest-')), 'report.json');
  console.log(`\n=== Test suite on ${database} ===\n`);
  const result = spawnSync(
    process.execPath,
    [join('node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--maxWorkers=2', '--json', `--outputFile=${reportFile}`, ...jestArguments],
    { stdio: 'inherit', env: { ...process.env, TEST_DATABASE: database, TEST_POSTGRES_URL: postgresUrl } },
  );
  let report = { numPassedTests: 0, numFailedTests: 0, numTotalTests: 0 };
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    // jest died before writing its report: counted as a failed run below
  }
  return { database, exitCode: result.status ?? 1, passed: report.numPassedTests, failed: report.numFailedTests, total: report.numTotalTests };
}

if (databases.includes('postgres')) await assertPostgresReachable();
const runs = databases.map(runJest);

console.log('\n=== Summary ===');
let ok = true;
for (const run of runs) {
  const good = run.exitCode === 0 && run.failed === 0 && run.total > 0;
  ok &&= good;
  console.log(`${run.database.padEnd(9)} ${run.passed} passed, ${run.failed} failed of ${run.total}${good ? '' : '  <-- FAILED'}`);
}
const passed = runs.reduce((sum, run) => sum + run.passed, 0);
const failed = runs.reduce((sum, run) => sum + run.failed, 0) + runs.filter((run) => run.exitCode !== 0 && run.failed === 0).length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
