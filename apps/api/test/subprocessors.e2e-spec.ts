import { NoticeDispatcher } from '@verwerker/notices';
import { ManualClock } from '@verwerker/platform';
import { pdfPageTexts } from '../../../libs/documents/test/pdf-text';
import { completingTerms, putProcessorProfile } from './support/dpa';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const TRANSIP = {
  legalName: 'TransIP B.V.',
  services: ['webhosting'],
  processingCountries: ['NL'],
  certifications: ['ISO 27001', 'NEN 7510'],
  agreementDate: '2024-05-01',
};
const GOOGLE = {
  legalName: 'Google Ireland Limited',
  services: ['analytics'],
  processingCountries: ['IE', 'US'],
  certifications: ['ISO 27001'],
  transfers: [{ country: 'US', mechanism: 'dpf', documentReference: 'DPF List: Google LLC' }],
};

describe('Sub-processor register and changes (e2e: real database, SMTP sink, moved clock)', () => {
  let sut: TestApp;
  let sink: SmtpSink;
  let dispatcher: NoticeDispatcher;
  let staffKey: string;
  const clock = new ManualClock('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sut = await startTestApp({
      clock,
      env: { NOTICE_DISPATCHER: 'false', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_TIMEOUT_MS: '2000', DPA_REMINDER_INTERVAL_SECONDS: '0' },
    });
    dispatcher = sut.app.get(NoticeDispatcher);
    staffKey = await sut.createKey('staff');
    await putProcessorProfile(sut);
  });
  afterAll(async () => {
    await sut.close();
    await sink.down();
  });

  const staff = () => ({ 'X-API-Key': staffKey });
  const as = (key: string) => ({ 'X-API-Key': key });

  /** A client with an accepted agreement for these services and sub-processor terms. */
  async function agreedClient(name: string, terms: Record<string, unknown>, language: 'nl' | 'en' = 'nl') {
    const client = await sut.createClient({ legalName: name, language, noticeRecipients: [`privacy@${name.toLowerCase().replace(/[^a-z]/g, '')}.example`] });
    const key = await sut.createKey('client', client.id);
    const draft = await sut.http().post('/agreements').set(staff()).send({ clientId: client.id, terms: completingTerms(terms) }).expect(201);
    const sent = await sut.http().post(`/agreements/${draft.body.id}/versions/1/send`).set(staff()).send({}).expect(200);
    await sut.http().post(`/agreements/${draft.body.id}/versions/1/accept`).set(as(key)).send({ name: 'FG', documentSha256: sent.body.documentSha256 }).expect(200);
    return { id: client.id as string, key, email: client.noticeRecipients[0] as string };
  }

  describe('the register and its transfer rules', () => {
    it('refuses a US sub-processor without DPF or SCCs, naming the reason; with SCCs it is "safeguards"', async () => {
      const bare = await sut.http().post('/subprocessors').set(staff()).send({ legalName: 'Acme Analytics Inc.', services: ['heatmaps'], processingCountries: ['US'] }).expect(400);
      expect(bare.body.code).toBe('transfer_not_compliant');
      expect(bare.body.errors[0].messages.join(' ')).toMatch(/US/);
      const withScc = await sut
        .http()
        .post('/subprocessors')
        .set(staff())
        .send({ legalName: 'Acme Analytics Inc.', services: ['heatmaps'], processingCountries: ['US'], transfers: [{ country: 'US', mechanism: 'scc', documentReference: 'SCC 2021/914 module 3', transferImpactAssessment: true }] })
        .expect(201);
      expect(withScc.body.transferStatus).toBe('safeguards');
      expect(withScc.body.transfer.locations[0].reasons.map((reason: { reference: string }) => reason.reference).join(' ')).toMatch(/46/);
    });

    it('classifies a DPF-certified US organisation as adequate, and an EEA one as eea', async () => {
      const google = await sut.http().post('/subprocessors').set(staff()).send(GOOGLE).expect(201);
      expect(google.body.transferStatus).toBe('adequacy');
      const transip = await sut.http().post('/subprocessors').set(staff()).send(TRANSIP).expect(201);
      expect(transip.body.transferStatus).toBe('eea');
    });

    it('refuses a direct registration that would touch a client’s data: that needs an announcement', async () => {
      await agreedClient('Bakkerij Direct', { services: ['mail'] });
      const response = await sut.http().post('/subprocessors').set(staff()).send({ ...TRANSIP, legalName: 'Mailhost B.V.', services: ['mail'] }).expect(409);
      expect(response.body.detail).toMatch(/Bakkerij Direct/);
    });
  });

  describe('a change announced, answered and applied', () => {
    let silent: Awaited<ReturnType<typeof agreedClient>>;
    let objecting: Awaited<ReturnType<typeof agreedClient>>;
    let approving: Awaited<ReturnType<typeof agreedClient>>;
    let changeId: string;

    beforeAll(async () => {
      silent = await agreedClient('Stille Klant', { services: ['newsletters'], objectionPeriodDays: 30 });
      objecting = await agreedClient('Bezwaar BV', { services: ['newsletters'], objectionPeriodDays: 14 }, 'en');
      approving = await agreedClient('Specifiek BV', { services: ['newsletters'], subprocessorAuthorisation: 'specific' });
    });

    it('refuses an effective date inside an objection period, naming the client', async () => {
      const response = await sut
        .http()
        .post('/subprocessor-changes')
        .set(staff())
        .send({ kind: 'addition', effectiveAt: '2026-03-20T09:00:00Z', subprocessor: { legalName: 'Laposta B.V.', services: ['newsletters'], processingCountries: ['NL'] } })
        .expect(400);
      expect(response.body.errors[0].field).toBe('effectiveAt');
      expect(response.body.clients.map((client: { clientName: string }) => client.clientName)).toEqual(['Stille Klant']);
      expect(response.body.detail).toMatch(/Stille Klant/);
    });

    it('announces it to each affected client by e-mail with a PDF, as a change notice or an approval request', async () => {
      const response = await sut
        .http()
        .post('/subprocessor-changes')
        .set(staff())
        .send({ kind: 'addition', effectiveAt: '2026-04-15T00:00:00+02:00', subprocessor: { legalName: 'Laposta B.V.', services: ['newsletters'], processingCountries: ['NL'], certifications: ['ISO 27001'] } })
        .expect(201);
      changeId = response.body.id;
      expect(response.body.clients.map((client: { clientId: string }) => client.clientId).sort()).toEqual([silent.id, objecting.id, approving.id].sort());
      await dispatcher.drain();
      const to = (email: string) => sink.messages.filter((mail) => mail.to.includes(email) && mail.subject.includes('Laposta'));
      expect(to(silent.email)[0].subject).toBe('Voorgenomen nieuwe subverwerker: Laposta B.V.');
      expect(to(objecting.email)[0].subject).toBe('Intended new sub-processor: Laposta B.V.');
      expect(to(approving.email)[0].subject).toBe('Toestemming gevraagd nieuwe subverwerker: Laposta B.V.');
      const pdf = to(objecting.email)[0].attachments.find((attachment) => attachment.contentType === 'application/pdf')!;
      const text = (await pdfPageTexts(pdf.content)).join('\n');
      expect(text).toContain('Notice of a new sub-processor');
      expect(text).toContain('Laposta B.V.');
      expect(text).toMatch(/Status\s+eea/);
    });

    it('takes an objection and an approval before the date, and shows each client only its own answer', async () => {
      await sut.http().post(`/subprocessor-changes/${changeId}/objection`).set(as(objecting.key)).send({ reason: 'Our newsletter data must stay with our current provider.' }).expect(200);
      const approved = await sut.http().post(`/subprocessor-changes/${changeId}/approval`).set(as(approving.key)).send({}).expect(200);
      expect(approved.body.clients).toEqual([expect.objectContaining({ clientId: approving.id, response: 'approved' })]);
      await sut.http().post(`/subprocessor-changes/${changeId}/approval`).set(as(silent.key)).send({}).expect(400);
      const stranger = await agreedClient('Buitenstaander', { services: ['webhosting'] });
      await sut.http().get(`/subprocessor-changes/${changeId}`).set(as(stranger.key)).expect(404);
      await sut.http().post(`/subprocessor-changes/${changeId}/objection`).set(as(stranger.key)).send({ reason: 'x' }).expect(404);
      const forStaff = await sut.http().get(`/subprocessor-changes/${changeId}`).set(staff()).expect(200);
      expect(forStaff.body.clients.find((client: { clientId: string }) => client.clientId === objecting.id)).toMatchObject({ response: 'objected' });
    });

    it('applies on the effective date by itself, exactly once, as decided per client; later objections are refused', async () => {
      clock.set('2026-04-14T21:59:00Z');
      expect((await sut.http().post('/subprocessor-changes/apply-due').set(as(sut.adminKey)).expect(200)).body.applied).toBe(0);
      clock.set('2026-04-14T22:00:00Z');
      const [first, second] = await Promise.all([
        sut.http().post('/subprocessor-changes/apply-due').set(as(sut.adminKey)).expect(200),
        sut.http().post('/subprocessor-changes/apply-due').set(as(sut.adminKey)).expect(200),
      ]);
      expect(first.body.applied + second.body.applied).toBe(1);

      const change = await sut.http().get(`/subprocessor-changes/${changeId}`).set(staff()).expect(200);
      expect(change.body.status).toBe('applied');
      const outcome = (clientId: string) => change.body.clients.find((client: { clientId: string }) => client.clientId === clientId);
      expect(outcome(silent.id)).toMatchObject({ applies: true, outcomeRule: 'general_no_objection' });
      expect(outcome(approving.id)).toMatchObject({ applies: true, outcomeRule: 'specific_approved' });
      expect(outcome(objecting.id)).toMatchObject({ applies: false, outcomeRule: 'general_objection_undecided' });

      const late = await sut.http().post(`/subprocessor-changes/${changeId}/objection`).set(as(silent.key)).send({ reason: 'Too late?' }).expect(409);
      expect(late.body.detail).toMatch(/closed/);

      const laposta = (await sut.http().get('/subprocessors').set(staff()).expect(200)).body.find((entry: { details: { legalName: string } }) => entry.details.legalName === 'Laposta B.V.');
      const clients = await sut.http().get(`/subprocessors/${laposta.id}/clients`).set(staff()).expect(200);
      expect(clients.body.map((client: { clientId: string }) => client.clientId).sort()).toEqual([silent.id, approving.id].sort());
    });

    it('shows the register as it was before the change, and the change in the public list and Atom feed', async () => {
      const before = await sut.http().get('/public/subprocessors').query({ at: '2026-04-14T21:00:00Z' }).expect(200);
      expect(before.body.map((entry: { legalName: string }) => entry.legalName)).not.toContain('Laposta B.V.');
      const now = await sut.http().get('/public/subprocessors').expect(200);
      expect(now.body.map((entry: { legalName: string }) => entry.legalName)).toContain('Laposta B.V.');
      const html = await sut.http().get('/public/subprocessors.html').query({ lang: 'en' }).expect(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.text).toContain('Laposta B.V.');
      const feed = await sut.http().get('/public/subprocessor-changes.atom').expect(200);
      expect(feed.headers['content-type']).toMatch(/application\/atom\+xml/);
      expect(feed.text).toContain(`urn:uuid:${changeId}`);
      expect(feed.text).toContain('addition: Laposta B.V. — applied');
    });
  });

  describe('decisions, replacements and removals', () => {
    it('lets staff overrule an objection or withdraw a change; replaces and removes with the register history kept', async () => {
      clock.set('2026-05-01T08:00:00Z');
      const first = await agreedClient('Hosting Een', { services: ['webhosting'], objectionPeriodDays: 7 });
      const second = await agreedClient('Hosting Twee', { services: ['webhosting'], objectionPeriodDays: 7 });
      const transip = (await sut.http().get('/subprocessors').set(staff()).expect(200)).body.find((entry: { details: { legalName: string } }) => entry.details.legalName === 'TransIP B.V.');
      const mine = await sut.http().get(`/subprocessors/by-client/${first.id}`).set(as(first.key)).expect(200);
      expect(mine.body.map((entry: { details: { legalName: string } }) => entry.details.legalName)).toEqual(['TransIP B.V.']);
      await sut.http().get(`/subprocessors/by-client/${second.id}`).set(as(first.key)).expect(404);

      const replacement = await sut
        .http()
        .post('/subprocessor-changes')
        .set(staff())
        .send({ kind: 'replacement', replacesSubprocessorId: transip.id, effectiveAt: '2026-06-05T08:00:00Z', subprocessor: { legalName: 'Hetzner Online GmbH', services: ['webhosting'], processingCountries: ['DE'] } })
        .expect(201);
      expect(replacement.body.replacesName).toBe('TransIP B.V.');
      await sut.http().post(`/subprocessor-changes/${replacement.body.id}/objection`).set(as(first.key)).send({ reason: 'Wij willen in Nederland blijven.' }).expect(200);
      await sut.http().post(`/subprocessor-changes/${replacement.body.id}/clients/${first.id}/decision`).set(staff()).send({ decision: 'keep_off', reason: 'Klant blijft op TransIP tot contracteinde.' }).expect(200);
      clock.set('2026-06-05T08:00:00Z');
      await sut.http().post('/subprocessor-changes/apply-due').set(as(sut.adminKey)).expect(200);
      const register = (await sut.http().get('/subprocessors').set(staff()).expect(200)).body.map((entry: { details: { legalName: string } }) => entry.details.legalName);
      expect(register).toContain('Hetzner Online GmbH');
      expect(register).not.toContain('TransIP B.V.');
      const history = await sut.http().get(`/subprocessors/${transip.id}`).set(staff()).expect(200);
      expect(history.body.current).toBeNull();
      expect(history.body.history[0].validTo).toBe('2026-06-05T10:00:00.000+02:00');
      const outcome = (await sut.http().get(`/subprocessor-changes/${replacement.body.id}`).set(staff()).expect(200)).body.clients;
      expect(outcome.find((client: { clientId: string }) => client.clientId === first.id)).toMatchObject({ applies: false, outcomeRule: 'general_objection_kept_off' });
      expect(outcome.find((client: { clientId: string }) => client.clientId === second.id)).toMatchObject({ applies: true });

      const hetzner = (await sut.http().get('/subprocessors').set(staff()).expect(200)).body.find((entry: { details: { legalName: string } }) => entry.details.legalName === 'Hetzner Online GmbH');
      const removal = await sut.http().post('/subprocessor-changes').set(staff()).send({ kind: 'removal', subprocessorId: hetzner.id, effectiveAt: '2026-06-06T08:00:00Z' }).expect(201);
      const removalClients = removal.body.clients.map((client: { clientId: string }) => client.clientId);
      // Announced to those Hetzner touches: not to the client kept on TransIP.
      expect(removalClients).toContain(second.id);
      expect(removalClients).not.toContain(first.id);
      await sut.http().post(`/subprocessor-changes/${removal.body.id}/objection`).set(as(second.key)).send({ reason: 'n/a' }).expect(409);

      const withdrawn = await sut
        .http()
        .post('/subprocessor-changes')
        .set(staff())
        .send({ kind: 'addition', effectiveAt: '2026-07-10T08:00:00Z', subprocessor: { legalName: 'Backup Noord B.V.', services: ['webhosting'], processingCountries: ['NL'] } })
        .expect(201);
      await sut.http().post(`/subprocessor-changes/${withdrawn.body.id}/objection`).set(as(second.key)).send({ reason: 'Niet nodig.' }).expect(200);
      const decision = await sut.http().post(`/subprocessor-changes/${withdrawn.body.id}/clients/${second.id}/decision`).set(staff()).send({ decision: 'withdraw', reason: 'Bezwaar terecht.' }).expect(200);
      expect(decision.body.status).toBe('withdrawn');
      clock.set('2026-07-11T08:00:00Z');
      await sut.http().post('/subprocessor-changes/apply-due').set(as(sut.adminKey)).expect(200);
      const after = (await sut.http().get('/subprocessors').set(staff()).expect(200)).body.map((entry: { details: { legalName: string } }) => entry.details.legalName);
      expect(after).not.toContain('Backup Noord B.V.');
      expect(after).not.toContain('Hetzner Online GmbH');
    });
  });
});
