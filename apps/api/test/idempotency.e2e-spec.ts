import { Client } from '@verwerker/parties';
import { IdempotencyRecord, IdempotencyStore } from '@verwerker/platform';
import { aClient } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('Idempotency-Key on create routes (e2e)', () => {
  let sut: TestApp;
  let staffKey: string;

  beforeAll(async () => {
    sut = await startTestApp();
    staffKey = await sut.createKey('staff');
  });
  afterAll(() => sut.close());

  const clients = () => sut.dataSource.getRepository(Client).count();

  it('returns the first result for a repeat with the same key and body, and writes nothing new', async () => {
    const body = aClient();
    const first = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'create-1').send(body).expect(201);
    const count = await clients();
    const repeat = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'create-1').send(body).expect(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body).toEqual(first.body);
    expect(await clients()).toBe(count);
  });

  it('treats the same body with keys in another order as the same request', async () => {
    const body = aClient();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'create-2').send(body).expect(201);
    const repeat = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'create-2').send(reordered).expect(201);
    expect(repeat.body.id).toBe(first.body.id);
  });

  it('answers 422 for the same key with a different body, and writes nothing', async () => {
    await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'create-3').send(aClient()).expect(201);
    const count = await clients();
    const response = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'create-3').send(aClient()).expect(422);
    expect(response.body.code).toBe('idempotency_key_reused');
    expect(await clients()).toBe(count);
  });

  it('keeps keys apart per credential', async () => {
    const otherStaff = await sut.createKey('staff');
    const mine = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'shared').send(aClient()).expect(201);
    const theirs = await sut.http().post('/clients').set('X-API-Key', otherStaff).set('Idempotency-Key', 'shared').send(aClient()).expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('lets a failed request be retried with the same key', async () => {
    await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'retry-me').send(aClient({ kvkNumber: 'bad' })).expect(400);
    await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'retry-me').send(aClient()).expect(201);
  });

  it('never keeps a shown-once secret for replay', async () => {
    const body = aClient({ webhookUrl: 'https://hooks.example/x' });
    const first = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'with-secret').send(body).expect(201);
    expect(first.body.webhookSecret).toMatch(/^whsec_/);
    const repeat = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'with-secret').send(body).expect(201);
    expect(repeat.body.id).toBe(first.body.id);
    expect(repeat.body.webhookSecret).toBeNull();
    const records = await sut.dataSource.getRepository(IdempotencyRecord).find();
    expect(JSON.stringify(records)).not.toContain(first.body.webhookSecret.slice(6));
  });

  it('refuses an over-long key with a field error', async () => {
    const response = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Idempotency-Key', 'k'.repeat(256)).send(aClient()).expect(400);
    expect(response.body.errors[0].field).toBe('Idempotency-Key');
  });
});

describe('Idempotency-Key retention (e2e)', () => {
  it('forgets keys after 24 hours, so the same key creates anew', async () => {
    const sut = await startTestApp();
    try {
      const first = await sut.http().post('/clients').set('X-API-Key', sut.adminKey).set('Idempotency-Key', 'daily-import').send(aClient()).expect(201);
      sut.clock.advance(23 * 3_600_000);
      expect(await sut.app.get(IdempotencyStore).purgeExpired()).toBe(0);
      sut.clock.advance(2 * 3_600_000);
      expect(await sut.app.get(IdempotencyStore).purgeExpired()).toBe(1);
      const later = await sut.http().post('/clients').set('X-API-Key', sut.adminKey).set('Idempotency-Key', 'daily-import').send(aClient()).expect(201);
      expect(later.body.id).not.toBe(first.body.id);
    } finally {
      await sut.close();
    }
  });
});
