import { ApiKey } from '@verwerker/auth';
import { startTestApp } from './support/test-app';
import { createTestDatabase } from './support/test-database';

describe('First-start admin key (e2e)', () => {
  it('is generated and printed once when none is configured, works, and is not printed again on restart', async () => {
    const database = await createTestDatabase();
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      const first = await startTestApp({ database, env: { BOOTSTRAP_ADMIN_KEY: '' } });
      const key = /vwk_[0-9a-f]{10}_[A-Za-z0-9_-]{43}/.exec(printed.join(''))?.[0];
      expect(key).toBeDefined();
      const me = await first.http().get('/me').set('X-API-Key', key!).expect(200);
      expect(me.body.role).toBe('admin');
      const stored = await first.dataSource.getRepository(ApiKey).find();
      expect(stored.map((row) => row.createdBy)).toEqual(['bootstrap']);
      expect(JSON.stringify(stored)).not.toContain(key!.slice(15));
      await first.close({ keepDatabase: true });

      printed.length = 0;
      const second = await startTestApp({ database, env: { BOOTSTRAP_ADMIN_KEY: '' } });
      expect(printed.join('')).not.toMatch(/vwk_/);
      expect(await second.dataSource.getRepository(ApiKey).count()).toBe(1);
      await second.close();
    } finally {
      write.mockRestore();
    }
  });

  it('installs a configured key for unattended installs without printing it', async () => {
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      const sut = await startTestApp();
      await sut.http().get('/me').set('X-API-Key', sut.adminKey).expect(200);
      expect(printed.join('')).not.toContain(sut.adminKey);
      await sut.close();
    } finally {
      write.mockRestore();
    }
  });

  it('refuses to start with a malformed configured key', async () => {
    await expect(startTestApp({ env: { BOOTSTRAP_ADMIN_KEY: 'admin123' } })).rejects.toThrow(/not a valid vwk_/);
  });
});
