/**
 * bench/audit: ingest access entries through the HTTP batch endpoint on PostgreSQL and SQLite, with a raw
 * bulk load of the same rows as the reference (COPY on PostgreSQL, one prepared-statement transaction on
 * SQLite), then verification speed and a client's one-month query latency with all rows present.
 *
 *   npm run bench:audit                       # 1,000,000 entries on both databases
 *   npm run bench:audit -- --entries 100000 --databases postgres
 *
 * Prints its figures; it is not a test and asserts nothing.
 */
import 'reflect-metadata';
import { generateApiKeyToken } from '@verwerker/auth';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client as PgClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createTestDatabase, TestDatabase, TestDatabaseKind } from '../../apps/api/test/support/test-database';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    databases: { type: 'string', default: 'postgres,sqlite' },
    clients: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    queries: { type: 'string', default: '200' },
  },
});
const TOTAL = Number(values.entries);
const CLIENTS = Number(values.clients);
const CONCURRENCY = Number(values.concurrency);
const QUERIES = Number(values.queries);
const BATCH = 1000;
const VERIFY_RUNS = 3;
const NOW = Date.now();
const YEAR_MS = 365 * 24 * 3600 * 1000;
const ACTIONS = ['login', 'view', 'view', 'view', 'change', 'export', 'other'];

interface Figures {
  database: TestDatabaseKind;
  ingestPerSecond: number;
  referencePerSecond: number;
  referenceKind: string;
  verifyPerSecond: number;
  verified: boolean;
  queryP50: number;
  queryP95: number;
}

/** Deterministic entry i: spread over the clients and the past year. */
function entry(index: number, clientIds: string[]): Record<string, unknown> {
  const startedAt = new Date(NOW - YEAR_MS + Math.floor((index / TOTAL) * (YEAR_MS - 3_600_000)));
  return {
    externalEventId: `bench-${index}`,
    clientId: clientIds[index % clientIds.length],
    staffMember: { id: `emp-${index % 37}`, displayName: `Medewerker ${index % 37}` },
    system: `site-${index % clientIds.length}.hosting.example`,
    action: ACTIONS[index % ACTIONS.length],
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + 600_000).toISOString(),
    reason: index % 11 === 0 ? null : `TICKET-${100000 + index}`,
    sourceIp: `198.51.100.${index % 250}`,
    sessionId: `sess-${Math.floor(index / 7)}`,
  };
}

/**
 * The API runs as in production: the built server (`npm run build`) in its own process, so the load generator
 * does not share its event loop and the verification workers run compiled code.
 */
const SERVER = join(__dirname, '../../dist/apps/api/apps/api/src/main.js');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startApi(database: TestDatabase): Promise<{ server: ChildProcess; url: string; adminKey: string }> {
  const adminKey = generateApiKeyToken().token;
  const port = await freePort();
  const env = {
    ...process.env,
    ...database.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    BOOTSTRAP_ADMIN_KEY: adminKey,
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
    AUDIT_PURGE_INTERVAL_HOURS: '0',
    NOTICE_DISPATCHER: 'false',
    DATABASE_POOL_SIZE: '10',
  };
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const server = spawn(process.execPath, [...profile, SERVER], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_resolve, reject) => server.once('exit', (code) => reject(new Error(`API process exited with ${code}`))));
  exited.catch(() => undefined);
  for (const deadline = Date.now() + 60_000; ; ) {
    const ready = await Promise.race([fetch(`${url}/health`).then((response) => response.ok, () => false), exited]);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('API did not become ready within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { server, url, adminKey };
}

/**
 * After a long pause (the reference load) the pooled keep-alive socket may already be closed by the server
 * (keepAliveTimeout); one retry on a fresh socket is the standard answer to that race.
 */
async function fetchFresh(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

async function post(url: string, key: string, body: unknown): Promise<any> {
  return postRaw(url, key, JSON.stringify(body));
}

async function postRaw(url: string, key: string, body: string): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function ingest(url: string, key: string, clientIds: string[]): Promise<number> {
  // Bodies are serialised before the clock starts: the figure is the API's, not the load generator's.
  const bodies: string[] = [];
  for (let start = 0; start < TOTAL; start += BATCH) {
    const entries = [];
    for (let index = start; index < Math.min(start + BATCH, TOTAL); index += 1) entries.push(entry(index, clientIds));
    bodies.push(JSON.stringify({ entries }));
  }
  const started = performance.now();
  let next = 0;
  let sent = 0;
  const worker = async () => {
    for (;;) {
      const body = bodies[next];
      next += 1;
      if (body === undefined) return;
      const result = await postRaw(`${url}/access-log/entries/batch`, key, body);
      sent += result.accepted;
      if (sent % 100_000 < BATCH) process.stdout.write(`  … ${sent} entries\n`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (sent !== TOTAL) throw new Error(`accepted ${sent} of ${TOTAL}`);
  return TOTAL / ((performance.now() - started) / 1000);
}

/** The same rows, loaded as raw as the database allows, into a scratch table with the same indexes. */
async function reference(database: TestDatabase, clientIds: string[]): Promise<{ perSecond: number; kind: string }> {
  const rowOf = (index: number) => {
    const e = entry(index, clientIds) as any;
    return [randomUUID(), index + 1, `ref-${index}`, e.clientId, e.staffMember.id, e.staffMember.displayName, e.system, e.action, e.startedAt, e.endedAt, e.reason, e.sourceIp, e.sessionId, 0, new Date(NOW).toISOString(), 'a'.repeat(64), 'b'.repeat(64)];
  };
  if (database.kind === 'postgres') {
    const client = new PgClient({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    await client.query('CREATE TABLE bench_copy_reference (LIKE access_log_entry INCLUDING INDEXES)');
    const columns = 'id, seq, external_event_id, client_id, staff_member_id, staff_member_name, system, action, started_at, ended_at, reason, source_ip, session_id, flags, recorded_at, content_hash, entry_hash';
    await client.query('ALTER TABLE bench_copy_reference DROP COLUMN purged_at');
    const started = performance.now();
    let index = 0;
    const source = new Readable({
      read() {
        const lines: string[] = [];
        for (let n = 0; n < 5000 && index < TOTAL; n += 1, index += 1) lines.push(rowOf(index).map((value) => (value === null ? '\\N' : String(value).replace(/[\t\n\\]/g, ' '))).join('\t'));
        this.push(lines.length ? `${lines.join('\n')}\n` : null);
      },
    });
    await pipeline(source, client.query(copyFrom(`COPY bench_copy_reference (${columns}) FROM STDIN`)));
    const perSecond = TOTAL / ((performance.now() - started) / 1000);
    await client.query('DROP TABLE bench_copy_reference');
    await client.end();
    return { perSecond, kind: 'COPY FROM STDIN' };
  }
  const db = new Database(database.env.SQLITE_PATH);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE bench_reference AS SELECT * FROM access_log_entry WHERE 0');
  db.exec('CREATE UNIQUE INDEX bench_ref_seq ON bench_reference (seq); CREATE UNIQUE INDEX bench_ref_evt ON bench_reference (external_event_id); CREATE INDEX bench_ref_client ON bench_reference (client_id, started_at, seq); CREATE INDEX bench_ref_started ON bench_reference (started_at, seq)');
  const insert = db.prepare(`INSERT INTO bench_reference (id, seq, external_event_id, client_id, staff_member_id, staff_member_name, system, action, started_at, ended_at, reason, source_ip, session_id, flags, recorded_at, content_hash, entry_hash) VALUES (${Array(17).fill('?').join(',')})`);
  const started = performance.now();
  db.transaction(() => {
    for (let index = 0; index < TOTAL; index += 1) insert.run(...rowOf(index));
  })();
  const perSecond = TOTAL / ((performance.now() - started) / 1000);
  db.exec('DROP TABLE bench_reference');
  db.close();
  return { perSecond, kind: 'prepared INSERTs in one transaction' };
}

async function monthQueries(url: string, adminKey: string, clientIds: string[]): Promise<{ p50: number; p95: number }> {
  const keys = new Map<string, string>();
  const timings: number[] = [];
  for (let query = 0; query < QUERIES; query += 1) {
    const clientId = clientIds[(query * 7919) % clientIds.length];
    if (!keys.has(clientId)) keys.set(clientId, (await post(`${url}/api-keys`, adminKey, { name: 'bench client', role: 'client', clientId })).key);
    const monthStart = new Date(NOW - YEAR_MS + ((query * 104729) % 11) * 30 * 24 * 3_600_000);
    const monthEnd = new Date(monthStart.getTime() + 31 * 24 * 3_600_000);
    const started = performance.now();
    const response = await fetch(`${url}/access-log/entries?limit=500&from=${encodeURIComponent(monthStart.toISOString())}&to=${encodeURIComponent(monthEnd.toISOString())}`, {
      headers: { 'x-api-key': keys.get(clientId)! },
    });
    const body = (await response.json()) as { items: unknown[] };
    timings.push(performance.now() - started);
    if (!response.ok || body.items.length === 0) throw new Error(`month query failed: ${response.status}`);
  }
  timings.sort((a, b) => a - b);
  return { p50: timings[Math.floor(timings.length * 0.5)], p95: timings[Math.floor(timings.length * 0.95)] };
}

async function benchmark(kind: TestDatabaseKind): Promise<Figures> {
  process.stdout.write(`\n${kind}: ${TOTAL} entries, ${CLIENTS} clients, ${CONCURRENCY} concurrent batches of ${BATCH}\n`);
  const database = await createTestDatabase(kind);
  const { server, url, adminKey } = await startApi(database);
  try {
    const clientIds: string[] = [];
    for (let index = 0; index < CLIENTS; index += 1) {
      const client = await post(`${url}/clients`, adminKey, {
        legalName: `Benchklant ${index} B.V.`, kvkNumber: String(60000000 + index), country: 'NL', language: 'nl',
        privacyContact: { name: 'FG', email: `fg${index}@bench.example` }, noticeRecipients: [`fg${index}@bench.example`],
      });
      clientIds.push(client.id);
    }
    const ingestKey = (await post(`${url}/api-keys`, adminKey, { name: 'bench ingest', role: 'ingest' })).key;
    const ingestPerSecond = await ingest(url, ingestKey, clientIds);
    process.stdout.write(`  ingest through HTTP: ${Math.round(ingestPerSecond)} entries/s\n`);
    const ref = await reference(database, clientIds);
    process.stdout.write(`  reference (${ref.kind}): ${Math.round(ref.perSecond)} entries/s\n`);
    // Three walks of the whole stream; the median is the figure (one run on a shared machine is noisy).
    const walks: { perSecond: number; verified: boolean }[] = [];
    for (let walk = 0; walk < VERIFY_RUNS; walk += 1) {
      const report = (await (await fetchFresh(`${url}/audit/verify?stream=access`, { headers: { 'x-api-key': adminKey } })).json()) as {
        entriesChecked: number;
        durationMs: number;
        verified: boolean;
      };
      walks.push({ perSecond: report.entriesChecked / (report.durationMs / 1000), verified: report.verified && report.entriesChecked === TOTAL });
    }
    const verifyPerSecond = walks.map((walk) => walk.perSecond).sort((a, b) => a - b)[Math.floor(VERIFY_RUNS / 2)];
    const verified = walks.every((walk) => walk.verified);
    process.stdout.write(`  verification: ${Math.round(verifyPerSecond)} entries/s, median of ${walks.map((walk) => Math.round(walk.perSecond)).join(', ')} (${verified ? 'verified' : 'FAILED'})\n`);
    const { p50, p95 } = await monthQueries(url, adminKey, clientIds);
    process.stdout.write(`  client one-month query: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms\n`);
    return { database: kind, ingestPerSecond, referencePerSecond: ref.perSecond, referenceKind: ref.kind, verifyPerSecond, verified, queryP50: p50, queryP95: p95 };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await database.drop();
  }
}

async function main(): Promise<void> {
  process.stdout.write('building the API (nest build api) …\n');
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'api'], { cwd: join(__dirname, '../..'), stdio: 'inherit' });
  const results: Figures[] = [];
  for (const kind of values.databases!.split(',') as TestDatabaseKind[]) results.push(await benchmark(kind));
  process.stdout.write('\n=== bench/audit ===\n');
  process.stdout.write(`entries: ${TOTAL}, batch ${BATCH}, ${CONCURRENCY} concurrent requests, ${CLIENTS} clients\n`);
  for (const r of results) {
    process.stdout.write(
      `${r.database.padEnd(9)} ingest ${Math.round(r.ingestPerSecond)}/s | reference ${Math.round(r.referencePerSecond)}/s (${r.referenceKind}) | ratio ${((r.ingestPerSecond / r.referencePerSecond) * 100).toFixed(1)} % | verify ${Math.round(r.verifyPerSecond)}/s${r.verified ? '' : ' FAILED'} | month query p50 ${r.queryP50.toFixed(1)} ms p95 ${r.queryP95.toFixed(1)} ms\n`,
    );
  }
}

main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause ? `\ncaused by: ${String((error.cause as Error).stack ?? error.cause)}` : '';
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}\n`);
  process.exit(1);
});
