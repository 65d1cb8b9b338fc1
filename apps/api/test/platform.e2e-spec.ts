import { startTestApp, TestApp } from './support/test-app';

/** The routes open without a credential, on purpose. */
const PUBLIC_PATHS = ['/health', '/health/ready', '/audit/public-key', '/public/subprocessors', '/public/subprocessors.html', '/public/subprocessor-changes.atom'];

describe('Health, OpenAPI and HTTP conventions (e2e)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  it('answers liveness and readiness without a credential', async () => {
    await sut.http().get('/health').expect(200, { status: 'ok', info: {}, error: {}, details: {} });
    const ready = await sut.http().get('/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('publishes OpenAPI 3 describing every route with its auth scheme and answers', async () => {
    const response = await sut.http().get('/docs-json').expect(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['api-key', 'panel-jwt']);
    for (const path of ['/clients', '/clients/{id}', '/clients/{id}/contacts', '/api-keys', '/me', '/processor-profile', '/health/ready']) {
      expect(document.paths).toHaveProperty([path]);
    }
    for (const [path, operations] of Object.entries<Record<string, any>>(document.paths)) {
      for (const [method, operation] of Object.entries<Record<string, any>>(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect([where, Object.keys(operation.responses).length > 0]).toEqual([where, true]);
        if (!PUBLIC_PATHS.includes(path)) {
          expect([where, operation.security]).toEqual([where, [{ 'api-key': [] }, { 'panel-jwt': [] }]]);
          const unauthorized = Object.values<{ schema: { $ref: string } }>(operation.responses['401']?.content ?? {})[0];
          expect([where, unauthorized?.schema.$ref]).toEqual([where, '#/components/schemas/ProblemDetailsDto']);
        } else {
          expect([where, operation.security]).toEqual([where, undefined]);
        }
      }
    }
    // Two DTO classes with one name would silently share (and corrupt) one schema.
    expect(document.components.schemas.ClientResponseDto.properties).toHaveProperty('legalName');
    expect(document.components.schemas.CreateClientDto.required).toEqual(
      expect.arrayContaining(['legalName', 'country', 'language', 'privacyContact', 'noticeRecipients']),
    );
  });

  it('serves the Swagger UI at /docs', async () => {
    const response = await sut.http().get('/docs').expect(200);
    expect(response.text).toContain('swagger-ui');
  });

  it('sets security headers and a request id, and accepts a caller’s request id', async () => {
    const response = await sut.http().get('/health').set('X-Request-Id', 'panel-req-42').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-request-id']).toBe('panel-req-42');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await sut.http().get('/nope').set('X-API-Key', sut.adminKey).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers a malformed id with a 400 problem, not a 500', async () => {
    const response = await sut.http().get('/clients/not-a-uuid').set('X-API-Key', sut.adminKey).expect(400);
    expect(response.body.status).toBe(400);
  });
});
