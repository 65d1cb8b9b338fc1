import { generateKeyPairSync } from 'node:crypto';
import { Role } from '@verwerker/platform';
import { ConfigurationError, loadConfiguration } from './configuration';

describe('loadConfiguration', () => {
  it('defaults to embedded SQLite with demo data and migrations at start-up', () => {
    const sut = loadConfiguration({});
    expect(sut.database).toEqual({ kind: 'sqlite', path: './data/verwerker.sqlite', migrationsRun: true, logging: false });
    expect(sut.app.demoData).toBe(true);
    expect(sut.auth.panelJwt).toBeNull();
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfiguration({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).database.kind).toBe('postgres');
  });

  it('turns demo data off in production by default and insists on a secrets key there', () => {
    expect(() => loadConfiguration({ NODE_ENV: 'production' })).toThrow(/SECRETS_KEY is required/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfiguration({ NODE_ENV: 'production', SECRETS_KEY: key })).toThrow(/AUDIT_SIGNING_KEY is required/);
    const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(loadConfiguration({ NODE_ENV: 'production', SECRETS_KEY: key, AUDIT_SIGNING_KEY: signingKey }).app.demoData).toBe(false);
  });

  it('maps panel roles as configured', () => {
    const sut = loadConfiguration({ PANEL_JWT_JWKS_URL: 'https://panel.example/.well-known/jwks.json', PANEL_JWT_ROLE_MAP: 'support:staff, customer:client' });
    expect(sut.auth.panelJwt?.roleMap).toEqual({ support: Role.Staff, customer: Role.Client });
  });

  it('reads the audit settings: retention, timers and working hours', () => {
    const sut = loadConfiguration({ AUDIT_ACCESS_RETENTION_MONTHS: '3', AUDIT_WORKING_DAYS: '1,2,3,4,5,6', AUDIT_WORKING_HOURS: '07:30-19:00', AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' });
    expect(sut.audit).toMatchObject({
      retention: { accessMonths: 3, changeMonths: 84 },
      checkpointIntervalSeconds: 0,
      workingHours: { days: [1, 2, 3, 4, 5, 6], startMinute: 450, endMinute: 1140, zone: 'Europe/Amsterdam' },
    });
    expect(() => loadConfiguration({ AUDIT_WORKING_HOURS: '18:00-08:00' })).toThrow(/AUDIT_WORKING_HOURS/);
    expect(() => loadConfiguration({ AUDIT_WORKING_DAYS: '0,8' })).toThrow(/AUDIT_WORKING_DAYS/);
  });

  it('lists every bad setting at once', () => {
    try {
      loadConfiguration({ PORT: 'eighty', DEMO_DATA: 'maybe', DATABASE_URL: 'mysql://x', PANEL_JWT_JWKS_URL: 'https://x', PANEL_JWT_ROLE_MAP: 'x:root' });
      fail('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).problems).toEqual([
        expect.stringContaining('DATABASE_URL'),
        expect.stringContaining('PORT'),
        expect.stringContaining('DEMO_DATA'),
        expect.stringContaining('PANEL_JWT_ROLE_MAP'),
      ]);
    }
  });

  describe('processor agreements', () => {
    it('defaults to a reminder after 14 days, an hourly timer and 30 days to delete or return', () => {
      expect(loadConfiguration({}).dpa).toEqual({ reminderAfterDays: 14, reminderIntervalSeconds: 3600, endOfServiceDays: 30 });
    });

    it('reads the settings, 0 turning the timer off', () => {
      expect(loadConfiguration({ DPA_REMINDER_AFTER_DAYS: '7', DPA_REMINDER_INTERVAL_SECONDS: '0', DPA_END_OF_SERVICE_DAYS: '60' }).dpa).toEqual({
        reminderAfterDays: 7,
        reminderIntervalSeconds: 0,
        endOfServiceDays: 60,
      });
    });

    it.each([['DPA_REMINDER_AFTER_DAYS', '0'], ['DPA_REMINDER_INTERVAL_SECONDS', '-1'], ['DPA_END_OF_SERVICE_DAYS', 'soon']])('refuses %s=%s', (name, value) => {
      expect(() => loadConfiguration({ [name]: value })).toThrow(new RegExp(name));
    });
  });

  describe('breach workflow', () => {
    it('defaults to reminders at 50, 75 and 90 %, a five-minute timer, 6 hours due-soon and NIS2 from the processor profile', () => {
      expect(loadConfiguration({}).breach).toEqual({ reminderFractions: [0.5, 0.75, 0.9], reminderIntervalSeconds: 300, dueSoonHours: 6, nis2Entity: null, staffLanguage: 'nl', personalisedPdfLimit: 200 });
    });

    it('reads the settings: points as fractions or percentages, NIS2 forced on, English alerts', () => {
      expect(loadConfiguration({ BREACH_REMINDER_POINTS: '90%,25%', BREACH_REMINDER_INTERVAL_SECONDS: '0', BREACH_DUE_SOON_HOURS: '12', BREACH_NIS2_ENTITY: 'true', BREACH_STAFF_LANGUAGE: 'en', BREACH_PERSONALISED_PDF_LIMIT: '10' }).breach).toEqual({
        reminderFractions: [0.25, 0.9],
        reminderIntervalSeconds: 0,
        dueSoonHours: 12,
        nis2Entity: true,
        staffLanguage: 'en',
        personalisedPdfLimit: 10,
      });
    });

    it.each([['BREACH_REMINDER_POINTS', '0.5,1'], ['BREACH_REMINDER_POINTS', 'half'], ['BREACH_REMINDER_INTERVAL_SECONDS', '-1'], ['BREACH_NIS2_ENTITY', 'maybe'], ['BREACH_STAFF_LANGUAGE', 'de']])('refuses %s=%s', (name, value) => {
      expect(() => loadConfiguration({ [name]: value })).toThrow(new RegExp(name));
    });
  });

  describe('notice delivery', () => {
    it('defaults to an in-process dispatcher and a local SMTP server', () => {
      const sut = loadConfiguration({}).notices;
      expect(sut.smtp).toMatchObject({ host: 'localhost', port: 25, secure: false, requireTls: false, from: 'Verwerker <notices@verwerker.local>', poolSize: 5 });
      expect(sut.dispatcher).toMatchObject({ enabled: true, maxAttempts: 12, backoffBaseSeconds: 30, claimLeaseSeconds: 120, webhookTimeoutMs: 10_000, concurrency: 32 });
    });

    it('reads every setting', () => {
      const sut = loadConfiguration({
        SMTP_HOST: 'smtp.example', SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_REQUIRE_TLS: 'true', SMTP_USER: 'u', SMTP_PASSWORD: 'p',
        SMTP_FROM: 'privacy@processor.example', SMTP_POOL_SIZE: '3', SMTP_TIMEOUT_MS: '5000', NOTICE_DISPATCHER: 'false',
        NOTICE_POLL_INTERVAL_MS: '250', NOTICE_CONCURRENCY: '8', NOTICE_BATCH_SIZE: '4', NOTICE_MAX_ATTEMPTS: '5',
        NOTICE_BACKOFF_BASE_SECONDS: '10', NOTICE_BACKOFF_MAX_SECONDS: '600', NOTICE_CLAIM_LEASE_SECONDS: '60', NOTICE_WEBHOOK_TIMEOUT_MS: '3000',
      }).notices;
      expect(sut).toEqual({
        smtp: { host: 'smtp.example', port: 465, secure: true, requireTls: true, user: 'u', password: 'p', from: 'privacy@processor.example', poolSize: 3, timeoutMs: 5000 },
        dispatcher: { enabled: false, pollIntervalMs: 250, concurrency: 8, batchSize: 4, maxAttempts: 5, backoffBaseSeconds: 10, backoffMaxSeconds: 600, claimLeaseSeconds: 60, webhookTimeoutMs: 3000 },
      });
    });

    it.each<[string, Record<string, string>, RegExp]>([
      ['a From without an address', { SMTP_FROM: 'Privacy team' }, /SMTP_FROM/],
      ['a user without a password', { SMTP_USER: 'u' }, /SMTP_PASSWORD/],
      ['a backoff cap below its base', { NOTICE_BACKOFF_BASE_SECONDS: '100', NOTICE_BACKOFF_MAX_SECONDS: '10' }, /NOTICE_BACKOFF_MAX_SECONDS/],
      ['a claim lease shorter than the slowest attempt', { NOTICE_CLAIM_LEASE_SECONDS: '20', NOTICE_WEBHOOK_TIMEOUT_MS: '30000' }, /NOTICE_CLAIM_LEASE_SECONDS/],
      ['zero attempts', { NOTICE_MAX_ATTEMPTS: '0' }, /NOTICE_MAX_ATTEMPTS/],
      ['a port out of range', { SMTP_PORT: '70000' }, /SMTP_PORT/],
    ])('refuses %s', (_case, env, message) => {
      expect(() => loadConfiguration(env)).toThrow(message);
    });
  });
});
