import { ApiKey } from '@verwerker/auth';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { startTestApp, TestApp } from './support/test-app';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

async function panelToken(key: PrivateKey, claims: Record<string, unknown>, issuedAt: Date, lifetimeSeconds = 300): Promise<string> {
  const iat = Math.floor(issuedAt.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'panel-1' })
    .setIssuer('https://panel.example')
    .setAudience('verwerker')
    .setSubject(String(claims.sub ?? 'user-1'))
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetimeSeconds)
    .sign(key);
}

describe('API keys (e2e)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({ env: { AUTH_FAILURE_LIMIT: '5', AUTH_FAILURE_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => sut.close());

  it('answers 401 problem+json without a credential', async () => {
    const response = await sut.http().get('/clients').expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('unauthenticated');
  });

  it('lets the bootstrap admin create a key that is shown once and stored only as a hash', async () => {
    const created = await sut.http().post('/api-keys').set('X-API-Key', sut.adminKey).send({ name: 'Support desk', role: 'staff' }).expect(201);
    expect(created.body.key).toMatch(/^vwk_[0-9a-f]{10}_/);
    expect(created.body.prefix).toBe(created.body.key.slice(0, 14));
    const stored = await sut.dataSource.getRepository(ApiKey).findOneByOrFail({ id: created.body.id });
    expect(JSON.stringify(stored)).not.toContain(created.body.key.slice(15));
    const listed = await sut.http().get('/api-keys').set('X-API-Key', sut.adminKey).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key.slice(15));
    await sut.http().get('/clients').set('Authorization', `Bearer ${created.body.key}`).expect(200);
  });

  it('records when a key was last used', async () => {
    const key = await sut.createKey('dpo');
    sut.clock.advance(5 * 60_000);
    await sut.http().get('/me').set('X-API-Key', key).expect(200);
    const listed = await sut.http().get('/api-keys?role=dpo').set('X-API-Key', sut.adminKey).expect(200);
    expect(listed.body.items.at(-1).lastUsedAt).toBe('2026-11-22T03:05:00.000+01:00');
  });

  it('checks the role on every route', async () => {
    const staff = await sut.createKey('staff');
    const ingest = await sut.createKey('ingest');
    await sut.http().get('/clients').set('X-API-Key', staff).expect(200);
    await sut.http().post('/api-keys').set('X-API-Key', staff).send({ name: 'x', role: 'admin' }).expect(403);
    const forbidden = await sut.http().get('/clients').set('X-API-Key', ingest).expect(403);
    expect(forbidden.body.code).toBe('forbidden');
  });

  it('binds a client key to a registered client, and only a client key', async () => {
    const client = await sut.createClient();
    const missingClient = await sut.http().post('/api-keys').set('X-API-Key', sut.adminKey).send({ name: 'c', role: 'client' }).expect(400);
    expect(missingClient.body.errors[0].field).toBe('clientId');
    const unknownClient = await sut
      .http()
      .post('/api-keys')
      .set('X-API-Key', sut.adminKey)
      .send({ name: 'c', role: 'client', clientId: '7d8c0d0e-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknownClient.body.errors[0].messages[0]).toMatch(/registered client/);
    await sut.http().post('/api-keys').set('X-API-Key', sut.adminKey).send({ name: 's', role: 'staff', clientId: client.id }).expect(400);
    const key = await sut.createKey('client', client.id);
    const me = await sut.http().get('/me').set('X-API-Key', key).expect(200);
    expect(me.body).toMatchObject({ role: 'client', clientId: client.id, credentialKind: 'api_key' });
  });

  it('refuses a revoked key at once', async () => {
    const key = await sut.http().post('/api-keys').set('X-API-Key', sut.adminKey).send({ name: 'Temp', role: 'staff' }).expect(201);
    await sut.http().get('/clients').set('X-API-Key', key.body.key).expect(200);
    const revoked = await sut.http().post(`/api-keys/${key.body.id}/revoke`).set('X-API-Key', sut.adminKey).expect(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    await sut.http().get('/clients').set('X-API-Key', key.body.key).expect(401);
  });

  it('throttles an address after repeated failed authentications, with Retry-After', async () => {
    sut.clock.advance(61_000); // earlier tests' failures have left the window
    const wrong = `vwk_0000000000_${'A'.repeat(43)}`;
    for (let attempt = 0; attempt < 5; attempt += 1) await sut.http().get('/clients').set('X-API-Key', wrong).expect(401);
    const blocked = await sut.http().get('/clients').set('X-API-Key', sut.adminKey).expect(429);
    expect(blocked.body.code).toBe('too_many_failed_authentications');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    sut.clock.advance(61_000);
    await sut.http().get('/clients').set('X-API-Key', sut.adminKey).expect(200);
  });
});

describe('Panel JWTs with a configured public key (e2e)', () => {
  let sut: TestApp;
  let panelKey: PrivateKey;
  let otherKey: PrivateKey;
  let clientA: Record<string, any>;
  let clientB: Record<string, any>;

  beforeAll(async () => {
    const panel = await generateKeyPair('RS256', { extractable: true });
    panelKey = panel.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    sut = await startTestApp({
      env: {
        PANEL_JWT_PUBLIC_KEY: await exportSPKI(panel.publicKey),
        PANEL_JWT_ISSUER: 'https://panel.example',
        PANEL_JWT_AUDIENCE: 'verwerker',
        PANEL_JWT_ROLE_MAP: 'support:staff,customer:client',
        PANEL_JWT_CLOCK_TOLERANCE_SECONDS: '0',
      },
    });
    clientA = await sut.createClient();
    clientB = await sut.createClient();
  });
  afterAll(() => sut.close());

  it('accepts a really signed token and maps its role', async () => {
    const token = await panelToken(panelKey, { sub: 'jan', role: 'support' }, sut.clock.now());
    const me = await sut.http().get('/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toEqual({ role: 'staff', clientId: null, credentialKind: 'jwt', label: 'jwt:jan' });
    await sut.http().get('/clients').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses an expired token (by the injected clock)', async () => {
    const token = await panelToken(panelKey, { sub: 'jan', role: 'support' }, sut.clock.now(), 60);
    sut.clock.advance(61_000);
    const response = await sut.http().get('/clients').set('Authorization', `Bearer ${token}`).expect(401);
    expect(response.body.detail).toMatch(/ERR_JWT_EXPIRED/);
  });

  it('refuses a token signed with another key', async () => {
    const token = await panelToken(otherKey, { sub: 'jan', role: 'support' }, sut.clock.now());
    const response = await sut.http().get('/clients').set('Authorization', `Bearer ${token}`).expect(401);
    expect(response.body.detail).toMatch(/signature/i);
  });

  it('refuses a token for another audience, and one whose role maps to nothing', async () => {
    const wrongAudience = await new SignJWT({ role: 'support' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('https://panel.example')
      .setAudience('someone-else')
      .setSubject('jan')
      .setExpirationTime(Math.floor(sut.clock.now().getTime() / 1000) + 60)
      .sign(panelKey);
    await sut.http().get('/clients').set('Authorization', `Bearer ${wrongAudience}`).expect(401);
    const unmapped = await panelToken(panelKey, { sub: 'jan', role: 'superuser' }, sut.clock.now());
    await sut.http().get('/clients').set('Authorization', `Bearer ${unmapped}`).expect(401);
  });

  it('scopes a customer token to its client: its own row 200, another client 404', async () => {
    const token = await panelToken(panelKey, { sub: 'klant-a', role: 'customer', client_id: clientA.id }, sut.clock.now());
    await sut.http().get(`/clients/${clientA.id}`).set('Authorization', `Bearer ${token}`).expect(200);
    await sut.http().get(`/clients/${clientB.id}`).set('Authorization', `Bearer ${token}`).expect(404);
    const listed = await sut.http().get('/clients').set('Authorization', `Bearer ${token}`).expect(200);
    expect(listed.body.items.map((client: { id: string }) => client.id)).toEqual([clientA.id]);
  });
});

describe('Panel JWTs from a JWKS URL (e2e)', () => {
  let sut: TestApp;
  let jwks: Server;
  let panelKey: PrivateKey;

  beforeAll(async () => {
    const panel = await generateKeyPair('ES256', { extractable: true });
    panelKey = panel.privateKey;
    const jwk = { ...(await exportJWK(panel.publicKey)), kid: 'panel-es', alg: 'ES256', use: 'sig' };
    jwks = createServer((_request, response) => response.setHeader('Content-Type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    sut = await startTestApp({ env: { PANEL_JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`, PANEL_JWT_ROLE_MAP: 'dpo:dpo' } });
  });
  afterAll(async () => {
    await sut.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('verifies a token against the panel’s published keys', async () => {
    const iat = Math.floor(sut.clock.now().getTime() / 1000);
    const token = await new SignJWT({ role: 'dpo' }).setProtectedHeader({ alg: 'ES256', kid: 'panel-es' }).setSubject('fg').setIssuedAt(iat).setExpirationTime(iat + 60).sign(panelKey);
    const me = await sut.http().get('/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.role).toBe('dpo');
  });
});
