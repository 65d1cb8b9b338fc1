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
    expect(loadConfiguration({ NODE_ENV: 'production', SECRETS_KEY: key }).app.demoData).toBe(false);
  });

  it('maps panel roles as configured', () => {
    const sut = loadConfiguration({ PANEL_JWT_JWKS_URL: 'https://panel.example/.well-known/jwks.json', PANEL_JWT_ROLE_MAP: 'support:staff, customer:client' });
    expect(sut.auth.panelJwt?.roleMap).toEqual({ support: Role.Staff, customer: Role.Client });
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
});
