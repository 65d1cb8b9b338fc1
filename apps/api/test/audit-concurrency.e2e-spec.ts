import { AccessLogEntry } from '@verwerker/audit';
import { verifyAuditLog } from '../src/cli/audit-verify';
import { anAccessEntry } from './support/factories';
import { tamperWith } from './support/tamper';
import { startTestApp, TestApp } from './support/test-app';

describe('Audit chain under concurrent ingestion (e2e)', () => {
  const instances: TestApp[] = [];

  afterAll(async () => {
    for (const [index, instance] of instances.entries()) await instance.close({ keepDatabase: index > 0 });
  });

  it('keeps one unbroken chain when instances ingest at once (two API instances on one PostgreSQL database)', async () => {
    const first = await startTestApp();
    instances.push(first);
    // On PostgreSQL a second API instance shares the database; SQLite is single-instance by design.
    if (first.database.kind === 'postgres') instances.push(await startTestApp({ database: first.database, env: { BOOTSTRAP_ADMIN_KEY: first.adminKey } }));
    const client = await first.createClient();
    const key = await first.createKey('ingest');

    const batches = Array.from({ length: 12 }, () => Array.from({ length: 50 }, () => anAccessEntry(client.id)));
    const responses = await Promise.all(
      batches.map((entries, index) => instances[index % instances.length].http().post('/access-log/entries/batch').set('X-API-Key', key).send({ entries })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));

    const seqs = (await first.dataSource.getRepository(AccessLogEntry).find({ select: { seq: true }, order: { seq: 'ASC' } })).map((entry) => entry.seq);
    expect(seqs).toEqual(Array.from({ length: 600 }, (_, index) => index + 1));
    // Each batch got one contiguous run of positions: no interleaving, no fork.
    const runs = responses.map((response) => [response.body.firstSeq, response.body.lastSeq]).sort((a, b) => a[0] - b[0]);
    runs.forEach(([from, to], index) => expect([from, to]).toEqual([index * 50 + 1, index * 50 + 50]));

    const report = await first.http().get('/audit/verify').query({ stream: 'access' }).set('X-API-Key', first.adminKey).expect(200);
    expect(report.body).toMatchObject({ verified: true, entriesChecked: 600 });
  });

  it('verifies from the command line too, and reports the first broken entry', async () => {
    const [first] = instances;
    const printed: string[] = [];
    const reports = await verifyAuditLog(['--stream', 'access'], { ...first.database.env }, (line) => printed.push(line));
    expect(reports[0]).toMatchObject({ stream: 'access', verified: true, entriesChecked: 600 });
    expect(JSON.parse(printed[0])).toMatchObject({ verified: true });

    await tamperWith(first, "UPDATE access_log_entry SET system = 'elsewhere' WHERE seq = 321");
    const [broken] = await verifyAuditLog(['--stream', 'access', '--from', '300'], { ...first.database.env }, () => undefined);
    expect(broken).toMatchObject({ verified: false, fromSeq: 300, firstFailure: { seq: 321 } });
    const parallel = { ...first.database.env, AUDIT_VERIFY_WORKERS: '2', AUDIT_VERIFY_PARALLEL_FROM: '1', AUDIT_VERIFY_SLICE_SIZE: '50' };
    const [onWorkers] = await verifyAuditLog(['--stream', 'access', '--from', '300'], parallel, () => undefined);
    expect(onWorkers).toMatchObject({ verified: false, workerThreads: 2, entriesChecked: 21, firstFailure: broken.firstFailure });
  });
});
