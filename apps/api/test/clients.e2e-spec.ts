import { Client } from '@verwerker/parties';
import { aClient } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('Clients (e2e)', () => {
  let sut: TestApp;
  let staffKey: string;

  beforeAll(async () => {
    sut = await startTestApp();
    staffKey = await sut.createKey('staff');
  });
  afterAll(() => sut.close());

  it('registers a client and answers it with Amsterdam-offset timestamps', async () => {
    const response = await sut.http().post('/clients').set('X-API-Key', staffKey).send(aClient({ legalName: 'Bloemenhuis Łódź B.V.' })).expect(201);
    expect(response.body).toMatchObject({ legalName: 'Bloemenhuis Łódź B.V.', status: 'active', webhook: { url: null, secretConfigured: false } });
    expect(response.body.createdAt).toMatch(/^2026-11-22T03:00:00\.000\+01:00$/);
    const read = await sut.http().get(`/clients/${response.body.id}`).set('X-API-Key', staffKey).expect(200);
    expect(read.body.legalName).toBe('Bloemenhuis Łódź B.V.');
  });

  it('refuses a bad KvK number, a bad e-mail and an unknown field at once, naming all three, and writes nothing', async () => {
    const before = await sut.dataSource.getRepository(Client).count();
    const response = await sut
      .http()
      .post('/clients')
      .set('X-API-Key', staffKey)
      .send({ ...aClient({ kvkNumber: '1234' }), privacyContact: { name: 'X', email: 'not-an-email' }, favouriteColour: 'blue' })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'validation_failed', type: expect.stringContaining('validation_failed') });
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['favouriteColour', 'kvkNumber', 'privacyContact.email']);
    expect(await sut.dataSource.getRepository(Client).count()).toBe(before);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['country not ISO 3166-1 alpha-2', { country: 'Netherlands' }, 'country'],
    ['language other than nl/en', { language: 'de' }, 'language'],
    ['no notice recipient', { noticeRecipients: [] }, 'noticeRecipients'],
    ['a recipient that is not an e-mail', { noticeRecipients: ['x@y.example', 'nope'] }, 'noticeRecipients'],
    ['a Dutch client without KvK number', { kvkNumber: undefined }, 'kvkNumber'],
    ['a webhook over plain http', { webhookUrl: 'http://hooks.example/x' }, 'webhookUrl'],
  ])('refuses %s with a field error', async (_case, overrides, field) => {
    const response = await sut.http().post('/clients').set('X-API-Key', staffKey).send(aClient(overrides)).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('accepts a client outside the Netherlands without a KvK number', async () => {
    await sut.http().post('/clients').set('X-API-Key', staffKey).send(aClient({ country: 'BE', kvkNumber: undefined, language: 'en' })).expect(201);
  });

  it('refuses a malformed JSON body with a 400, not a 500', async () => {
    const response = await sut.http().post('/clients').set('X-API-Key', staffKey).set('Content-Type', 'application/json').send('{"legalName":').expect(400);
    expect(response.body.errors).toEqual([{ field: 'body', messages: ['body is not valid JSON'] }]);
  });

  describe('tenancy', () => {
    let clientA: Record<string, any>;
    let clientB: Record<string, any>;
    let keyA: string;

    beforeAll(async () => {
      clientA = await sut.createClient();
      clientB = await sut.createClient();
      keyA = await sut.createKey('client', clientA.id);
    });

    it('lets a client read itself', async () => {
      await sut.http().get(`/clients/${clientA.id}`).set('X-API-Key', keyA).expect(200);
    });

    it('answers 404 when a client asks for another client, as if it did not exist', async () => {
      const other = await sut.http().get(`/clients/${clientB.id}`).set('X-API-Key', keyA).expect(404);
      const missing = await sut.http().get('/clients/7d8c0d0e-0000-4000-8000-000000000000').set('X-API-Key', keyA).expect(404);
      expect(other.body.title).toBe(missing.body.title);
      expect(other.body.code).toBe('not_found');
    });

    it('lists only the client itself for a client credential', async () => {
      const response = await sut.http().get('/clients').set('X-API-Key', keyA).expect(200);
      expect(response.body.items.map((client: { id: string }) => client.id)).toEqual([clientA.id]);
    });

    it('lets a client update its own contacts but not another client’s', async () => {
      const update = { privacyContact: { name: 'Nieuwe FG', email: 'FG@Bakkerij.example' }, noticeRecipients: ['fg@bakkerij.example'] };
      const own = await sut.http().patch(`/clients/${clientA.id}/contacts`).set('X-API-Key', keyA).send(update).expect(200);
      expect(own.body.privacyContact).toEqual({ name: 'Nieuwe FG', email: 'fg@bakkerij.example' });
      await sut.http().patch(`/clients/${clientB.id}/contacts`).set('X-API-Key', keyA).send(update).expect(404);
      const untouched = await sut.http().get(`/clients/${clientB.id}`).set('X-API-Key', staffKey).expect(200);
      expect(untouched.body.privacyContact).toEqual(clientB.privacyContact);
    });

    it('does not let a client change its registration or create clients', async () => {
      await sut.http().patch(`/clients/${clientA.id}`).set('X-API-Key', keyA).send({ legalName: 'Hijacked' }).expect(403);
      await sut.http().post('/clients').set('X-API-Key', keyA).send(aClient()).expect(403);
    });

    it('does not let a client change its registration through the contacts route', async () => {
      const response = await sut.http().patch(`/clients/${clientA.id}/contacts`).set('X-API-Key', keyA).send({ legalName: 'Hijacked' }).expect(400);
      expect(response.body.errors[0].field).toBe('legalName');
    });
  });

  describe('webhook secret', () => {
    it('is shown once on creation, stored sealed, and replaced on rotation', async () => {
      const created = await sut.http().post('/clients').set('X-API-Key', staffKey).send(aClient({ webhookUrl: 'https://hooks.example/verwerker' })).expect(201);
      expect(created.body.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(created.body.webhook).toEqual({ url: 'https://hooks.example/verwerker', secretConfigured: true });
      const read = await sut.http().get(`/clients/${created.body.id}`).set('X-API-Key', staffKey).expect(200);
      expect(JSON.stringify(read.body)).not.toContain(created.body.webhookSecret.slice(6));
      const stored = await sut.dataSource.getRepository(Client).findOneByOrFail({ id: created.body.id });
      expect(stored.webhookSecretSealed).not.toContain(created.body.webhookSecret.slice(6));

      const rotated = await sut.http().post(`/clients/${created.body.id}/webhook-secret`).set('X-API-Key', staffKey).expect(200);
      expect(rotated.body.webhookSecret).toMatch(/^whsec_/);
      expect(rotated.body.webhookSecret).not.toBe(created.body.webhookSecret);
    });

    it('cannot be rotated without a webhook URL', async () => {
      const client = await sut.createClient();
      const response = await sut.http().post(`/clients/${client.id}/webhook-secret`).set('X-API-Key', staffKey).expect(400);
      expect(response.body.errors[0].field).toBe('webhookUrl');
    });
  });

  it('ends a client but keeps it', async () => {
    const client = await sut.createClient();
    sut.clock.advance(60_000);
    const ended = await sut.http().post(`/clients/${client.id}/end`).set('X-API-Key', staffKey).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', endedAt: '2026-11-22T03:01:00.000+01:00' });
    const active = await sut.http().get('/clients?status=active&limit=200').set('X-API-Key', staffKey).expect(200);
    expect(active.body.items.map((item: { id: string }) => item.id)).not.toContain(client.id);
  });

  describe('pagination', () => {
    it('walks every client exactly once with the cursor', async () => {
      for (let index = 0; index < 5; index += 1) await sut.createClient();
      const total = await sut.dataSource.getRepository(Client).count();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await sut
          .http()
          .get('/clients')
          .query(cursor ? { limit: 2, cursor } : { limit: 2 })
          .set('X-API-Key', staffKey)
          .expect(200);
        expect(response.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...response.body.items.map((item) => item.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it('refuses a forged cursor and an out-of-range limit with field errors', async () => {
      const forged = await sut.http().get('/clients?cursor=bm9wZQ').set('X-API-Key', staffKey).expect(400);
      expect(forged.body.errors[0].field).toBe('cursor');
      const tooMany = await sut.http().get('/clients?limit=1000').set('X-API-Key', staffKey).expect(400);
      expect(tooMany.body.errors[0].field).toBe('limit');
    });
  });
});

describe('Concurrent writes (e2e)', () => {
  it('handles many simultaneous creates without losing or failing one', async () => {
    const sut = await startTestApp();
    try {
      const responses = await Promise.all(
        Array.from({ length: 25 }, (_, index) =>
          sut.http().post('/clients').set('X-API-Key', sut.adminKey).set('Idempotency-Key', `burst-${index}`).send(aClient()),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(25).fill(201));
      expect(await sut.dataSource.getRepository(Client).count()).toBe(25);
    } finally {
      await sut.close();
    }
  });
});
