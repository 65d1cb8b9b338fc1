import { AccessLogEntry, ChangeTrailEntry, verifyCheckpointSignature } from '@verwerker/audit';
import { Client } from '@verwerker/parties';
import { createPublicKey } from 'node:crypto';
import { pdfPageTexts } from '../../../libs/documents/test/pdf-text';
import { completingTerms, putProcessorProfile } from './support/dpa';
import { aClient, anAccessEntry } from './support/factories';
import { tamperWith } from './support/tamper';
import { startTestApp, TestApp } from './support/test-app';

describe('Access log ingestion (e2e)', () => {
  let sut: TestApp;
  let ingestKey: string;
  let client: Record<string, any>;

  beforeAll(async () => {
    sut = await startTestApp();
    ingestKey = await sut.createKey('ingest');
    client = await sut.createClient();
  });
  afterAll(() => sut.close());

  const entries = () => sut.dataSource.getRepository(AccessLogEntry).count();

  it('takes one entry and a batch, numbering them along one chain', async () => {
    const one = await sut.http().post('/access-log/entries').set('X-API-Key', ingestKey).send(anAccessEntry(client.id)).expect(201);
    expect(one.body).toMatchObject({ accepted: 1, duplicates: 0 });
    const batch = Array.from({ length: 3 }, () => anAccessEntry(client.id));
    const many = await sut.http().post('/access-log/entries/batch').set('X-API-Key', ingestKey).send({ entries: batch }).expect(201);
    expect(many.body).toEqual({ accepted: 3, duplicates: 0, firstSeq: one.body.lastSeq + 1, lastSeq: one.body.lastSeq + 3 });
  });

  it('keeps tabs, line breaks, backslashes and Unicode intact, and the chain verifiable', async () => {
    const awkward = 'ticket\t#12\\n\nregel 2\r — Łódź \\N';
    const sent = anAccessEntry(client.id, { reason: awkward, system: 'C:\\inetpub\\wwwroot' });
    await sut.http().post('/access-log/entries').set('X-API-Key', ingestKey).send(sent).expect(201);
    const stored = await sut.dataSource.getRepository(AccessLogEntry).findOneByOrFail({ externalEventId: sent.externalEventId as string });
    expect(stored.reason).toBe(awkward);
    expect(stored.system).toBe('C:\\inetpub\\wwwroot');
    const report = await sut.http().get('/audit/verify').query({ stream: 'access' }).set('X-API-Key', sut.adminKey).expect(200);
    expect(report.body.verified).toBe(true);
  });

  it('adds nothing when a batch is sent again', async () => {
    const batch = Array.from({ length: 5 }, () => anAccessEntry(client.id));
    await sut.http().post('/access-log/entries/batch').set('X-API-Key', ingestKey).send({ entries: batch }).expect(201);
    const count = await entries();
    const again = await sut.http().post('/access-log/entries/batch').set('X-API-Key', ingestKey).send({ entries: batch }).expect(201);
    expect(again.body).toEqual({ accepted: 0, duplicates: 5, firstSeq: null, lastSeq: null });
    expect(await entries()).toBe(count);
  });

  it('refuses a batch with one bad entry, naming the entry and field, and writes nothing', async () => {
    const count = await entries();
    const batch = [anAccessEntry(client.id), anAccessEntry(client.id, { sourceIp: 'not-an-ip' }), anAccessEntry(client.id)];
    const response = await sut.http().post('/access-log/entries/batch').set('X-API-Key', ingestKey).send({ entries: batch }).expect(400);
    expect(response.body.errors).toEqual([{ field: 'entries.1.sourceIp', messages: ['sourceIp must be an IPv4 or IPv6 address'] }]);
    expect(await entries()).toBe(count);
  });

  it('refuses an entry for a client that does not exist', async () => {
    const response = await sut
      .http()
      .post('/access-log/entries/batch')
      .set('X-API-Key', ingestKey)
      .send({ entries: [anAccessEntry(client.id), anAccessEntry('7d8c0d0e-0000-4000-8000-000000000000')] })
      .expect(400);
    expect(response.body.errors[0]).toEqual({ field: 'entries.1.clientId', messages: ['clientId does not name a registered client'] });
  });

  it('is open to ingest and staff credentials, not to clients or the DPO', async () => {
    const staff = await sut.createKey('staff');
    await sut.http().post('/access-log/entries').set('X-API-Key', staff).send(anAccessEntry(client.id)).expect(201);
    const clientKey = await sut.createKey('client', client.id);
    await sut.http().post('/access-log/entries').set('X-API-Key', clientKey).send(anAccessEntry(client.id)).expect(403);
    await sut.http().post('/access-log/entries').set('X-API-Key', await sut.createKey('dpo')).send(anAccessEntry(client.id)).expect(403);
  });
});

describe('Client view, flags and reports (e2e)', () => {
  let sut: TestApp;
  let ingestKey: string;
  let clientA: Record<string, any>;
  let clientB: Record<string, any>;
  let keyA: string;

  beforeAll(async () => {
    sut = await startTestApp();
    ingestKey = await sut.createKey('ingest');
    clientA = await sut.createClient({ legalName: 'Bakkerij Łódź B.V.', language: 'nl' });
    clientB = await sut.createClient({ language: 'en' });
    keyA = await sut.createKey('client', clientA.id);
    const entries = [
      anAccessEntry(clientA.id, { startedAt: '2026-10-05T10:00:00+02:00', endedAt: null }),
      anAccessEntry(clientA.id, { startedAt: '2026-10-06T23:30:00+02:00', endedAt: null, reason: null, staffMember: { id: 'emp-7', displayName: 'Piet Pieters' } }),
      anAccessEntry(clientA.id, { startedAt: '2026-10-20T09:00:00+02:00', endedAt: null, action: 'export', system: 'db01.hosting.example' }),
      anAccessEntry(clientA.id, { startedAt: '2026-11-02T09:00:00+01:00', endedAt: null }),
      anAccessEntry(clientB.id, { startedAt: '2026-10-07T11:00:00+02:00', endedAt: null, staffMember: { id: 'emp-9', displayName: 'Geheim Persoon' } }),
    ];
    await sut.http().post('/access-log/entries/batch').set('X-API-Key', ingestKey).send({ entries }).expect(201);
  });
  afterAll(() => sut.close());

  it('shows a client its own entries only, filtered by period', async () => {
    const october = await sut.http().get('/access-log/entries').query({ from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' }).set('X-API-Key', keyA).expect(200);
    expect(october.body.items).toHaveLength(3);
    expect(october.body.items.every((entry: { clientId: string }) => entry.clientId === clientA.id)).toBe(true);
    expect(october.body.items[0]).not.toHaveProperty('flags');
    expect(october.body.items[0].startedAt).toBe('2026-10-05T10:00:00.000+02:00');
    const asked = await sut.http().get('/access-log/entries').query({ clientId: clientB.id }).set('X-API-Key', keyA).expect(200);
    expect(asked.body.items.map((entry: { clientId: string }) => entry.clientId)).not.toContain(clientB.id);
  });

  it('filters by staff member, system and action, and pages with a cursor', async () => {
    const staff = await sut.http().get('/access-log/entries').query({ staffMemberId: 'emp-7' }).set('X-API-Key', keyA).expect(200);
    expect(staff.body.items.map((entry: { staffMember: { displayName: string } }) => entry.staffMember.displayName)).toEqual(['Piet Pieters']);
    const exports = await sut.http().get('/access-log/entries').query({ action: 'export', system: 'db01.hosting.example' }).set('X-API-Key', keyA).expect(200);
    expect(exports.body.items).toHaveLength(1);
    const first = await sut.http().get('/access-log/entries').query({ limit: 2 }).set('X-API-Key', keyA).expect(200);
    const second = await sut.http().get('/access-log/entries').query({ limit: 2, cursor: first.body.nextCursor }).set('X-API-Key', keyA).expect(200);
    expect([...first.body.items, ...second.body.items].map((entry: { seq: number }) => entry.seq)).toHaveLength(4);
    expect(second.body.nextCursor).toBeNull();
  });

  it('exports the client’s entries as CSV without other clients’ rows', async () => {
    const response = await sut.http().get('/access-log/entries.csv').set('X-API-Key', keyA).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^seq,started_at,/);
    expect(lines).toHaveLength(5);
    expect(response.text).not.toContain('Geheim Persoon');
  });

  it('lists flagged accesses for the DPO, by flag', async () => {
    const dpo = await sut.createKey('dpo');
    const noReason = await sut.http().get('/access-log/flags').query({ flag: 'no_reason' }).set('X-API-Key', dpo).expect(200);
    expect(noReason.body.items.map((entry: { staffMember: { id: string } }) => entry.staffMember.id)).toEqual(['emp-7']);
    expect(noReason.body.items[0].flags).toEqual(['no_reason', 'no_agreement_in_force', 'outside_working_hours']);
    const sensitive = await sut.http().get('/access-log/flags').query({ flag: 'sensitive_action' }).set('X-API-Key', dpo).expect(200);
    expect(sensitive.body.items.map((entry: { action: string }) => entry.action)).toEqual(['export']);
    await sut.http().get('/access-log/flags').set('X-API-Key', keyA).expect(403);
  });

  it('flags access to a client without a processor agreement in force at the time of access (Art. 28(3))', async () => {
    await putProcessorProfile(sut);
    const agreed = await sut.createClient();
    const agreedKey = await sut.createKey('client', agreed.id);
    const draft = await sut.http().post('/agreements').set('X-API-Key', sut.adminKey).send({ clientId: agreed.id, terms: completingTerms() }).expect(201);
    const sent = await sut.http().post(`/agreements/${draft.body.id}/versions/1/send`).set('X-API-Key', sut.adminKey).send({}).expect(200);
    await sut.http().post(`/agreements/${draft.body.id}/versions/1/accept`).set('X-API-Key', agreedKey).send({ name: 'FG', documentSha256: sent.body.documentSha256 }).expect(200);
    sut.clock.advance(3_600_000);
    const without = await sut.createClient();
    const before = anAccessEntry(agreed.id, { startedAt: '2026-11-22T02:30:00+01:00', endedAt: null });
    const after = anAccessEntry(agreed.id, { startedAt: '2026-11-22T03:30:00+01:00', endedAt: null });
    const none = anAccessEntry(without.id, { startedAt: '2026-11-22T03:30:00+01:00', endedAt: null });
    await sut.http().post('/access-log/entries/batch').set('X-API-Key', ingestKey).send({ entries: [before, after, none] }).expect(201);
    const flagged = await sut.http().get('/access-log/flags').query({ flag: 'no_agreement_in_force', from: '2026-11-22T00:00:00+01:00' }).set('X-API-Key', sut.adminKey).expect(200);
    const flaggedEvents = flagged.body.items.map((entry: { externalEventId: string }) => entry.externalEventId);
    expect(flaggedEvents).toContain(before.externalEventId);
    expect(flaggedEvents).toContain(none.externalEventId);
    expect(flaggedEvents).not.toContain(after.externalEventId);
  });

  it('renders the monthly report PDF in the client’s language with totals and the covering checkpoint', async () => {
    const response = await sut.http().get('/access-log/reports/monthly').query({ month: '2026-10' }).set('X-API-Key', keyA).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.body as Buffer);
    expect(text).toContain('Maandrapport toegang medewerkers');
    expect(text).toContain('Bakkerij Łódź B.V.');
    expect(text).toContain('Jan Jansen');
    expect(text).toContain('Piet Pieters');
    expect(text).not.toContain('Geheim Persoon');
    const [checkpoint] = (await sut.http().get('/audit/checkpoints').query({ stream: 'access' }).set('X-API-Key', keyA).expect(200)).body;
    expect(text).toContain(checkpoint.headHash);

    const english = await sut.http().get('/access-log/reports/monthly').query({ month: '2026-10', clientId: clientB.id }).set('X-API-Key', sut.adminKey).buffer(true).parse(binary).expect(200);
    expect(await pdfText(english.body as Buffer)).toContain('Monthly staff access report');
    await sut.http().get('/access-log/reports/monthly').query({ month: '2026-10', clientId: clientB.id }).set('X-API-Key', keyA).expect(200);
    const other = await sut.http().get('/access-log/reports/monthly').query({ month: '2026-10' }).set('X-API-Key', keyA).buffer(true).parse(binary).expect(200);
    expect(await pdfText(other.body as Buffer)).toContain('Bakkerij Łódź B.V.');
  });

  it('refuses a malformed month', async () => {
    const response = await sut.http().get('/access-log/reports/monthly').query({ month: 'oktober' }).set('X-API-Key', keyA).expect(400);
    expect(response.body.errors[0].field).toBe('month');
  });
});

// The same checks on every way a run is walked: one slice on the main thread, many small slices (each linked
// onto the stored hash before it), and many small slices on worker threads (PostgreSQL: COPY text handed over;
// SQLite: each worker reading the file itself).
describe.each([
  ['on the main thread', {}],
  ['in slices of 2', { AUDIT_VERIFY_WORKERS: '0', AUDIT_VERIFY_SLICE_SIZE: '2' }],
  ['in slices of 2 on worker threads', { AUDIT_VERIFY_WORKERS: '2', AUDIT_VERIFY_PARALLEL_FROM: '1', AUDIT_VERIFY_SLICE_SIZE: '2' }],
])('Tamper evidence, verified %s (e2e)', (_mode, verification: Record<string, string>) => {
  let sut: TestApp;
  let ingestKey: string;
  let client: Record<string, any>;

  beforeEach(async () => {
    sut = await startTestApp({ env: { AUDIT_ACCESS_RETENTION_MONTHS: '6', ...verification } });
    ingestKey = await sut.createKey('ingest');
    client = await sut.createClient();
    const old = Array.from({ length: 3 }, (_, index) => anAccessEntry(client.id, { startedAt: `2026-01-1${index}T10:00:00+01:00`, endedAt: null }));
    const recent = Array.from({ length: 4 }, () => anAccessEntry(client.id));
    await sut.http().post('/access-log/entries/batch').set('X-API-Key', ingestKey).send({ entries: [...old, ...recent] }).expect(201);
  });
  afterEach(() => sut.close());

  const verify = async (stream = 'access') => (await sut.http().get('/audit/verify').query({ stream }).set('X-API-Key', sut.adminKey).expect(200)).body;

  it('verifies an untouched log, both streams', async () => {
    const onWorkers = verification.AUDIT_VERIFY_WORKERS === '2';
    expect(await verify('access')).toMatchObject({ verified: true, entriesChecked: 7, firstFailure: null, workerThreads: onWorkers ? 2 : 0 });
    expect((await verify('change')).verified).toBe(true);
  });

  it('verifies entries whose text holds quotes, backslashes, tabs, newlines, control characters and non-ASCII', async () => {
    const awkward = [
      anAccessEntry(client.id, { staffMember: { id: 'emp-"7"', displayName: 'Jan "JJ" Jansen' }, system: 'C:\\inetpub\\wwwroot' }),
      anAccessEntry(client.id, { reason: 'TICKET-1\tper mail\nbevestigd', sessionId: 'sess\u0001\u001f' }),
      anAccessEntry(client.id, { staffMember: { id: 'emp-9', displayName: 'Łukasz Żółć' }, reason: '\\N', system: 'sklep.example.pl' }),
    ];
    await sut.http().post('/access-log/entries/batch').set('X-API-Key', ingestKey).send({ entries: awkward }).expect(201);
    expect(await verify()).toMatchObject({ verified: true, entriesChecked: 10 });
  });

  it('names the entry when one byte was changed directly in the database', async () => {
    await tamperWith(sut, "UPDATE access_log_entry SET reason = 'TICKET-4712' WHERE seq = 5");
    const report = await verify();
    expect(report.verified).toBe(false);
    const entry = await sut.dataSource.getRepository(AccessLogEntry).findOneByOrFail({ seq: 5 });
    expect(report.firstFailure).toEqual({ seq: 5, entryId: entry.id, reason: expect.stringMatching(/content does not match/) });
  });

  it('catches a deleted entry', async () => {
    await tamperWith(sut, 'DELETE FROM access_log_entry WHERE seq = 3');
    expect((await verify()).firstFailure).toMatchObject({ seq: 3, reason: expect.stringMatching(/missing/) });
  });

  it('catches entries cut off the end once a checkpoint covered them', async () => {
    await sut.http().post('/audit/checkpoints').set('X-API-Key', sut.adminKey).expect(200);
    await tamperWith(sut, 'DELETE FROM access_log_entry WHERE seq = 7');
    await tamperWith(sut, "UPDATE audit_chain_head SET size = 6, head_hash = (SELECT entry_hash FROM access_log_entry WHERE seq = 6) WHERE stream = 'access'");
    expect((await verify()).firstFailure).toMatchObject({ reason: expect.stringMatching(/checkpoint covers 7 entries/) });
  });

  it('passes after the retention purge erased old personal content, and still catches tampering after it', async () => {
    const purge = await sut.http().post('/audit/purge').set('X-API-Key', sut.adminKey).expect(200);
    expect(purge.body.accessEntriesPurged).toBe(3);
    const purged = await sut.dataSource.getRepository(AccessLogEntry).findOneByOrFail({ seq: 1 });
    expect(purged).toMatchObject({ staffMemberName: null, reason: null, sourceIp: null, sessionId: null });
    expect(await verify()).toMatchObject({ verified: true, purgedEntries: 3 });
    await tamperWith(sut, "UPDATE access_log_entry SET staff_member_name = 'Iemand Anders' WHERE seq = 6");
    expect((await verify()).firstFailure).toMatchObject({ seq: 6, reason: expect.stringMatching(/content does not match/) });
  });

  it('catches content erased before its retention ended', async () => {
    await tamperWith(sut, `UPDATE access_log_entry SET reason = NULL, purged_at = started_at WHERE seq = 5`);
    expect((await verify()).firstFailure).toMatchObject({ seq: 5, reason: expect.stringMatching(/retention/) });
  });

  it('refuses UPDATE and DELETE on the log tables outside the purge', async () => {
    await expect(sut.dataSource.query("UPDATE access_log_entry SET reason = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(sut.dataSource.query('DELETE FROM access_log_entry WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(sut.dataSource.query('DELETE FROM change_trail_entry')).rejects.toThrow(/append-only/);
    expect(await sut.dataSource.getRepository(AccessLogEntry).count()).toBe(7);
  });

  it('signs checkpoints that anyone can verify with the published key', async () => {
    const [checkpoint] = (await sut.http().post('/audit/checkpoints').set('X-API-Key', sut.adminKey).expect(200)).body;
    const key = (await sut.http().get('/audit/public-key').expect(200)).body;
    expect(key.keyId).toBe(checkpoint.keyId);
    const statement = { stream: checkpoint.stream, size: checkpoint.size, headHash: checkpoint.headHash, createdAt: new Date(checkpoint.signedAt) };
    expect(verifyCheckpointSignature(statement, checkpoint.signature, createPublicKey(key.publicKeyPem))).toBe(true);
    expect(verifyCheckpointSignature({ ...statement, size: statement.size - 1 }, checkpoint.signature, createPublicKey(key.publicKeyPem))).toBe(false);
  });
});

describe('Change trail (e2e)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  const trail = (action?: string) => sut.dataSource.getRepository(ChangeTrailEntry).find({ where: action ? { action } : {}, order: { seq: 'ASC' } });

  it('records every change to clients and keys, who made it, and no secret', async () => {
    const staffKey = await sut.createKey('staff');
    const created = await sut.http().post('/clients').set('X-API-Key', staffKey).send({ ...aClient(), webhookUrl: 'https://hooks.example/x' }).expect(201);
    const clientId = created.body.id;
    await sut.http().patch(`/clients/${clientId}`).set('X-API-Key', staffKey).send({ legalName: 'Nieuwe Naam B.V.' }).expect(200);
    const clientKey = await sut.createKey('client', clientId);
    await sut.http().patch(`/clients/${clientId}/contacts`).set('X-API-Key', clientKey).send({ noticeRecipients: ['fg@bakkerij.example'] }).expect(200);
    const rotated = await sut.http().post(`/clients/${clientId}/webhook-secret`).set('X-API-Key', clientKey).expect(200);
    await sut.http().post(`/clients/${clientId}/end`).set('X-API-Key', staffKey).expect(200);
    const keys = await sut.http().get('/api-keys').query({ role: 'client' }).set('X-API-Key', sut.adminKey).expect(200);
    await sut.http().post(`/api-keys/${keys.body.items[0].id}/revoke`).set('X-API-Key', sut.adminKey).expect(200);

    const actions = (await trail()).map((entry) => entry.action);
    expect(actions).toEqual([
      'api_key.created', // bootstrap admin
      'api_key.created', // staff key
      'client.created',
      'client.updated',
      'api_key.created', // client key
      'client.contacts_updated',
      'client.webhook_secret_rotated',
      'client.ended',
      'api_key.revoked',
    ]);
    const [updated] = await trail('client.updated');
    expect(updated).toMatchObject({ actorRole: 'staff', actorKind: 'api_key', clientId, subjectId: clientId });
    expect(updated.summary).toMatchObject({ before: { legalName: created.body.legalName }, after: { legalName: 'Nieuwe Naam B.V.' } });
    const [contacts] = await trail('client.contacts_updated');
    expect(contacts.actorRole).toBe('client');
    const [bootstrap] = await trail('api_key.created');
    expect(bootstrap).toMatchObject({ actorKind: 'system', actorLabel: 'bootstrap' });
    const everything = JSON.stringify(await trail());
    for (const secret of [created.body.webhookSecret.slice(6), rotated.body.webhookSecret.slice(6), sut.adminKey.slice(15)]) expect(everything).not.toContain(secret);
  });

  it('shows a client the changes that concern it, and nobody else’s', async () => {
    const mine = await sut.createClient();
    const theirs = await sut.createClient();
    const key = await sut.createKey('client', mine.id);
    const response = await sut.http().get('/audit/changes').set('X-API-Key', key).expect(200);
    const clientIds = new Set(response.body.items.map((entry: { clientId: string }) => entry.clientId));
    expect(clientIds).toEqual(new Set([mine.id]));
    expect(JSON.stringify(response.body)).not.toContain(theirs.id);
  });

  it('writes the trail in the same transaction: if the trail cannot be written, the change does not happen', async () => {
    const before = await sut.dataSource.getRepository(Client).count();
    await tamperWith(sut, "DELETE FROM audit_chain_head WHERE stream = 'change'");
    try {
      const response = await sut.http().post('/clients').set('X-API-Key', sut.adminKey).send(aClient());
      expect(response.status).toBe(500);
      expect(await sut.dataSource.getRepository(Client).count()).toBe(before);
    } finally {
      const [last] = await sut.dataSource.query('SELECT seq, entry_hash FROM change_trail_entry ORDER BY seq DESC LIMIT 1');
      await tamperWith(sut, `INSERT INTO audit_chain_head (stream, size, head_hash) VALUES ('change', ${Number(last.seq)}, '${last.entry_hash}')`);
    }
  });

  it('keeps the change trail verifiable', async () => {
    const report = await sut.http().get('/audit/verify').query({ stream: 'change' }).set('X-API-Key', sut.adminKey).expect(200);
    expect(report.body).toMatchObject({ verified: true });
    expect(report.body.entriesChecked).toBeGreaterThan(10);
  });
});

/** supertest parser that keeps a binary body (the PDF) as a Buffer. */
function binary(response: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfPageTexts(pdf)).join('\n');
}
