import { existsSync, readFileSync } from 'node:fs';
import { aClient } from './support/factories';
import { startTestApp } from './support/test-app';

/** Everything the database holds, as text: the raw SQLite files (WAL included), or every PostgreSQL row. */
async function everythingStored(sut: Awaited<ReturnType<typeof startTestApp>>): Promise<string> {
  if (sut.database.kind === 'sqlite') {
    const path = sut.database.env.SQLITE_PATH;
    return [path, `${path}-wal`].filter(existsSync).map((file) => readFileSync(file).toString('latin1')).join('\n');
  }
  const tables: { table_name: string }[] = await sut.dataSource.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const rows = await Promise.all(tables.map(({ table_name }) => sut.dataSource.query(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`)));
  return rows.flat().map((row: { row: string }) => row.row).join('\n');
}

describe('Secrets at rest (e2e)', () => {
  it('the database holds no plaintext API key and no plaintext webhook secret', async () => {
    const sut = await startTestApp();
    try {
      const created = await sut.http().post('/api-keys').set('X-API-Key', sut.adminKey).set('Idempotency-Key', 'k1').send({ name: 'Panel', role: 'ingest' }).expect(201);
      const client = await sut.http().post('/clients').set('X-API-Key', sut.adminKey).set('Idempotency-Key', 'c1').send(aClient({ webhookUrl: 'https://hooks.example/a' })).expect(201);
      const rotated = await sut.http().post(`/clients/${client.body.id}/webhook-secret`).set('X-API-Key', sut.adminKey).expect(200);
      const secrets = {
        bootstrapAdminKey: sut.adminKey.slice(15),
        createdKey: created.body.key.slice(15),
        webhookSecret: client.body.webhookSecret.slice(6),
        rotatedWebhookSecret: rotated.body.webhookSecret.slice(6),
      };
      // Sanity: the stored text is really read (the client's name is in it), so absence below means something.
      const stored = await everythingStored(sut);
      expect(stored).toContain(client.body.legalName);
      for (const [name, secret] of Object.entries(secrets)) expect([name, stored.includes(secret)]).toEqual([name, false]);
    } finally {
      await sut.close();
    }
  });
});
