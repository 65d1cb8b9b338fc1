import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { generateApiKeyToken } from '@verwerker/auth';
import { Clock, ManualClock } from '@verwerker/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { loadConfiguration } from '../../src/config/configuration';
import { createTestDatabase, TestDatabase } from './test-database';
import { aClient } from './factories';

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: ManualClock;
  /** Reuse a database (e.g. to restart the app on it); by default each app gets a fresh one. */
  database?: TestDatabase;
}

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  database: TestDatabase;
  dataSource: DataSource;
  clock: ManualClock;
  adminKey: string;
  /** Creates an API key through the API and returns its plaintext. */
  createKey(role: string, clientId?: string): Promise<string>;
  /** Creates a client through the API and returns the response body. */
  createClient(overrides?: Record<string, unknown>): Promise<Record<string, any>>;
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

/** Boots the real AppModule (real migrations, real database, real HTTP) the way main.ts does. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const adminKey = generateApiKeyToken().token;
  const env = {
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    BOOTSTRAP_ADMIN_KEY: adminKey,
    // Tests sign checkpoints and purge when they say so, not on a timer.
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
    AUDIT_PURGE_INTERVAL_HOURS: '0',
    SUBPROCESSOR_APPLY_INTERVAL_SECONDS: '0',
    ...database.env,
    ...options.env,
  };
  const clock = options.clock ?? new ManualClock('2026-11-22T02:00:00Z');
  let app: INestApplication | undefined;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    configureApp(app, loadConfiguration(env));
    await app.init();
  } catch (error) {
    // A start that fails must not leave a connection or a test database behind.
    await app?.close().catch(() => undefined);
    if (!options.database) await database.drop();
    throw error;
  }
  return handle(app, database, clock, options.env?.BOOTSTRAP_ADMIN_KEY ?? adminKey);
}

function handle(app: INestApplication, database: TestDatabase, clock: ManualClock, bootstrapKey: string): TestApp {
  const http = () => request(app.getHttpServer());

  return {
    app,
    http,
    database,
    dataSource: app.get(DataSource),
    clock,
    adminKey: bootstrapKey,
    async createKey(role, clientId) {
      const response = await http().post('/api-keys').set('X-API-Key', bootstrapKey).send({ name: `${role} key`, role, clientId });
      if (response.status !== 201) throw new Error(`Creating a ${role} key failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.key as string;
    },
    async createClient(overrides = {}) {
      const response = await http().post('/clients').set('X-API-Key', bootstrapKey).send(aClient(overrides));
      if (response.status !== 201) throw new Error(`Creating a client failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async close({ keepDatabase = false } = {}) {
      await app.close();
      if (!keepDatabase) await database.drop();
    },
  };
}
