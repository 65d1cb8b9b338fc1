import { Client, ProcessorProfile } from '@verwerker/parties';
import { DEMO_CLIENTS, DEMO_PROCESSOR } from '../src/demo/demo-data';
import { startTestApp } from './support/test-app';

describe('Demo data (e2e)', () => {
  it('fills an empty database once, so /docs is usable at once, and not again on restart', async () => {
    const first = await startTestApp({ env: { DEMO_DATA: 'true' } });
    const clients = await first.http().get('/clients').set('X-API-Key', first.adminKey).expect(200);
    expect(clients.body.items.map((client: { legalName: string }) => client.legalName).sort()).toEqual(DEMO_CLIENTS.map((client) => client.legalName).sort());
    const profile = await first.http().get('/processor-profile').set('X-API-Key', first.adminKey).expect(200);
    expect(profile.body).toMatchObject({ legalName: DEMO_PROCESSOR.legalName, city: 'Leiden', defaultBreachNoticeHours: 24 });
    const register = await first.http().get('/public/subprocessors').expect(200);
    expect(register.body.map((entry: { legalName: string; transferStatus: string }) => [entry.legalName, entry.transferStatus])).toEqual([
      ['Google Ireland Limited', 'adequacy'],
      ['Laposta B.V.', 'eea'],
      ['TransIP B.V.', 'eea'],
    ]);
    const accepted = clients.body.items.find((client: { legalName: string }) => client.legalName.startsWith('Stichting'));
    const used = await first.http().get(`/subprocessors/by-client/${accepted.id}`).set('X-API-Key', first.adminKey).expect(200);
    expect(used.body).toHaveLength(3);
    await first.close({ keepDatabase: true });

    const second = await startTestApp({ env: { DEMO_DATA: 'true' }, database: first.database });
    try {
      expect(await second.dataSource.getRepository(Client).count()).toBe(DEMO_CLIENTS.length);
      expect(await second.dataSource.getRepository(ProcessorProfile).count()).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('stays off when DEMO_DATA is false', async () => {
    const sut = await startTestApp({ env: { DEMO_DATA: 'false' } });
    try {
      expect(await sut.dataSource.getRepository(Client).count()).toBe(0);
    } finally {
      await sut.close();
    }
  });
});
