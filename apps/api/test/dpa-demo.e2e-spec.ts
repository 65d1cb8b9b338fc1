import { startTestApp } from './support/test-app';

describe('Demo processor agreements (e2e)', () => {
  it('seeds agreements in several states, and the accepted ones re-verify', async () => {
    const sut = await startTestApp({ env: { DEMO_DATA: 'true', DPA_REMINDER_INTERVAL_SECONDS: '0', NOTICE_DISPATCHER: 'false' } });
    try {
      const clients = (await sut.http().get('/clients').set('X-API-Key', sut.adminKey).expect(200)).body.items as Array<{ id: string; legalName: string }>;
      const agreements = (await sut.http().get('/agreements').set('X-API-Key', sut.adminKey).expect(200)).body.items as Array<{ id: string; clientId: string; versions: Array<{ number: number; status: string }> }>;
      const statesOf = (name: string) => {
        const client = clients.find((candidate) => candidate.legalName === name)!;
        return agreements.find((agreement) => agreement.clientId === client.id)!.versions.map((version) => version.status);
      };
      expect(statesOf('Stichting Beheer en Ontwikkeling Instrumenten Ondersteuning Vakmanschap Sociaal Domein')).toEqual(['accepted']);
      expect(statesOf('We Do Better B.V.')).toEqual(['sent']);
      expect(statesOf('VOICT B.V.')).toEqual(['draft']);
      expect(statesOf('Pracownia Projektowa Łódź sp. z o.o.')).toEqual(['accepted', 'draft']);

      const polish = agreements.find((agreement) => agreement.clientId === clients.find((client) => client.legalName.startsWith('Pracownia'))!.id)!;
      const verification = await sut.http().get(`/agreements/${polish.id}/versions/1/verify`).set('X-API-Key', sut.adminKey).expect(200);
      expect(verification.body.verified).toBe(true);

      const gaps = (await sut.http().get('/agreements/gaps').set('X-API-Key', sut.adminKey).expect(200)).body.items as Array<{ kind: string }>;
      expect(new Set(gaps.map((gap) => gap.kind))).toEqual(new Set(['no_agreement_in_force', 'incomplete_terms', 'awaiting_acceptance']));
    } finally {
      await sut.close();
    }
  });
});
