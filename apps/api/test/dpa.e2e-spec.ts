import { ChangeTrailEntry } from '@verwerker/audit';
import { sha256Hex } from '@verwerker/documents';
import { AgreementsInForce, ARTICLE_28_ITEMS, DpaRemindersService } from '@verwerker/dpa';
import { NoticeDispatcher } from '@verwerker/notices';
import { ManualClock } from '@verwerker/platform';
import { pdfPageTexts } from '../../../libs/documents/test/pdf-text';
import { completingTerms, putProcessorProfile } from './support/dpa';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const DAY = 86_400_000;

describe('Processor agreements (e2e: real database, SMTP sink and webhook receiver)', () => {
  let sut: TestApp;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let dispatcher: NoticeDispatcher;
  let staffKey: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    receiver = await WebhookReceiver.start();
    sut = await startTestApp({
      clock: new ManualClock('2026-03-02T09:00:00Z'),
      env: {
        ALLOW_HTTP_WEBHOOKS: 'true',
        NOTICE_DISPATCHER: 'false',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(sink.port),
        SMTP_FROM: 'Privacy <privacy@processor.example>',
        SMTP_TIMEOUT_MS: '2000',
        DPA_REMINDER_INTERVAL_SECONDS: '0',
        DPA_REMINDER_AFTER_DAYS: '14',
      },
    });
    dispatcher = sut.app.get(NoticeDispatcher);
    staffKey = await sut.createKey('staff');
    await putProcessorProfile(sut);
  });
  afterAll(async () => {
    await sut.close();
    await sink.down();
    await receiver.stop();
  });

  async function aClientWithKey(overrides: Record<string, unknown> = {}) {
    const path = `/hooks/${Math.random().toString(36).slice(2)}`;
    const client = await sut.createClient({ webhookUrl: receiver.url(path), ...overrides });
    receiver.register(path, client.webhookSecret);
    return { id: client.id as string, path, recipients: client.noticeRecipients as string[], key: await sut.createKey('client', client.id) };
  }
  const staff = () => ({ 'X-API-Key': staffKey });
  const asKey = (key: string) => ({ 'X-API-Key': key });

  async function draftFor(clientId: string, body: Record<string, unknown> = {}) {
    const response = await sut.http().post('/agreements').set(staff()).send({ clientId, ...body }).expect(201);
    return response.body.id as string;
  }
  async function sentAgreement(clientId: string, terms: Record<string, unknown> = {}) {
    const id = await draftFor(clientId, { terms: completingTerms(terms) });
    const sent = await sut.http().post(`/agreements/${id}/versions/1/send`).set(staff()).send({}).expect(200);
    return { id, documentSha256: sent.body.documentSha256 as string };
  }
  async function acceptedAgreement(client: { id: string; key: string }, terms: Record<string, unknown> = {}) {
    const { id, documentSha256 } = await sentAgreement(client.id, terms);
    await sut.http().post(`/agreements/${id}/versions/1/accept`).set(asKey(client.key)).send({ name: 'Marieke de Vries', documentSha256 }).expect(200);
    return { id, documentSha256 };
  }

  describe('the whole path: draft, missing items, complete, send, e-mail with the PDF, accept, verify, version 2', () => {
    it('works end to end', async () => {
      const client = await aClientWithKey();

      // A draft from the processor defaults tells what is still missing.
      const id = await draftFor(client.id);
      const draft = await sut.http().get(`/agreements/${id}/versions/1`).set(staff()).expect(200);
      expect(draft.body).toMatchObject({ number: 1, status: 'draft', terms: { breachNoticeHours: 24, subprocessorAuthorisation: 'general', objectionPeriodDays: 30, language: 'nl' } });
      expect(draft.body.completeness.missing).toEqual([
        'subject_matter',
        'duration',
        'nature_and_purpose',
        'data_types',
        'data_subject_categories',
        'controller_obligations_rights',
        'g_end_of_service',
        'h_demonstrate_compliance_audits',
      ]);
      const missingG = draft.body.completeness.findings.find((finding: { item: string }) => finding.item === 'g_end_of_service');
      expect(missingG).toMatchObject({ present: false, reference: 'GDPR Art. 28(3)(g)', reason: expect.stringMatching(/^Missing: /) });

      // Sending it incomplete is refused with the missing items.
      const refused = await sut.http().post(`/agreements/${id}/versions/1/send`).set(staff()).send({}).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('agreement_incomplete');
      expect(refused.body.missing).toEqual(draft.body.completeness.missing);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain('terms.g_end_of_service');

      // Completed, it goes out.
      const completed = await sut.http().patch(`/agreements/${id}/versions/1`).set(staff()).send({ terms: completingTerms() }).expect(200);
      expect(completed.body.completeness).toMatchObject({ complete: true, missing: [] });
      const mailsBefore = sink.messages.length;
      const sent = await sut.http().post(`/agreements/${id}/versions/1/send`).set(staff()).send({}).expect(200);
      expect(sent.body).toMatchObject({ status: 'sent', forcedIncomplete: false, subprocessors: [] });
      expect(sent.body.documentSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(sent.body.contentSha256).toMatch(/^[0-9a-f]{64}$/);

      await dispatcher.drain();
      const mails = sink.messages.slice(mailsBefore).filter((mail) => client.recipients.includes(mail.to[0]));
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toMatch(/^Verwerkersovereenkomst ter ondertekening/);
      expect(mails[0].attachments).toHaveLength(1);
      const attached = mails[0].attachments[0];
      expect(attached.contentType).toBe('application/pdf');
      expect(sha256Hex(attached.content)).toBe(sent.body.documentSha256);
      expect(mails[0].text).toContain(sent.body.documentSha256);
      const hook = receiver.received.find((candidate) => candidate.path === client.path);
      expect(hook).toMatchObject({ verified: true });
      expect(JSON.parse(hook!.body)).toMatchObject({ type: 'dpa_document', data: { content: { action: 'offered', version: '1', documentSha256: sent.body.documentSha256 } } });

      // The PDF carries the content hash in its footer.
      const pages = await pdfPageTexts(attached.content);
      for (const page of pages) expect(page).toContain(`v1 · SHA-256 ${sent.body.contentSha256}`);

      // The client accepts with its own key: the hash must be of the PDF it got.
      await sut.http().post(`/agreements/${id}/versions/1/accept`).set(asKey(client.key)).send({ name: 'Marieke de Vries', documentSha256: 'f'.repeat(64) }).expect(409);
      await sut.http().post(`/agreements/${id}/versions/1/accept`).set(staff()).send({ name: 'Staff', documentSha256: sha256Hex(attached.content) }).expect(403);
      const accepted = await sut
        .http()
        .post(`/agreements/${id}/versions/1/accept`)
        .set(asKey(client.key))
        .set('User-Agent', 'Bakkerij-Portaal/1.0')
        .send({ name: 'Marieke de Vries', function: 'Directeur', documentSha256: sha256Hex(attached.content) })
        .expect(200);
      expect(accepted.body.status).toBe('accepted');
      expect(accepted.body.acceptance).toMatchObject({
        acceptedAt: '2026-03-02T10:00:00.000+01:00',
        name: 'Marieke de Vries',
        function: 'Directeur',
        userAgent: 'Bakkerij-Portaal/1.0',
        ip: expect.stringMatching(/127\.0\.0\.1|::1/),
        documentSha256: sha256Hex(attached.content),
      });

      // Re-verification re-renders and finds the same bytes; the download is that PDF.
      const verified = await sut.http().get(`/agreements/${id}/versions/1/verify`).set(asKey(client.key)).expect(200);
      expect(verified.body).toMatchObject({ verified: true, contentVerified: true, renderedSha256: sent.body.documentSha256, acceptedDocumentSha256: sent.body.documentSha256 });
      const download = await sut.http().get(`/agreements/${id}/versions/1/pdf`).set(asKey(client.key)).buffer(true).parse(binary).expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect((download.body as Buffer).equals(attached.content)).toBe(true);

      const inForce = await sut.app.get(AgreementsInForce).agreementInForce(client.id, sut.clock.now());
      expect(inForce).toMatchObject({ agreementId: id, versionNumber: 1, documentSha256: sent.body.documentSha256 });

      // A sent version is immutable; a change makes version 2 and version 1 stays readable and in force.
      await sut.http().patch(`/agreements/${id}/versions/1`).set(staff()).send({ terms: { breachNoticeHours: 36 } }).expect(409);
      const second = await sut.http().post(`/agreements/${id}/versions`).set(staff()).send({ terms: { breachNoticeHours: 36 } }).expect(201);
      expect(second.body).toMatchObject({ number: 2, status: 'draft', terms: { breachNoticeHours: 36, subjectMatter: 'Hosting en onderhoud van de website en webshop' } });
      const first = await sut.http().get(`/agreements/${id}/versions/1`).set(asKey(client.key)).expect(200);
      expect(first.body).toMatchObject({ status: 'accepted', terms: { breachNoticeHours: 24 }, documentSha256: sent.body.documentSha256 });
      const agreement = await sut.http().get(`/agreements/${id}`).set(asKey(client.key)).expect(200);
      expect(agreement.body).toMatchObject({ inForceVersion: 1, latestVersion: 2 });

      // Version 2 sent and accepted supersedes version 1; the breach workflow then reads 36 hours.
      const sent2 = await sut.http().post(`/agreements/${id}/versions/2/send`).set(staff()).send({}).expect(200);
      sut.clock.advance(DAY);
      await sut.http().post(`/agreements/${id}/versions/2/accept`).set(asKey(client.key)).send({ name: 'Marieke de Vries', documentSha256: sent2.body.documentSha256 }).expect(200);
      const superseded = await sut.http().get(`/agreements/${id}/versions/1`).set(staff()).expect(200);
      expect(superseded.body).toMatchObject({ status: 'superseded', supersededByNumber: 2 });
      expect(await sut.app.get(AgreementsInForce).termsInForce(client.id)).toMatchObject({ breachNoticeHours: 36, source: 'agreement', versionNumber: 2 });
      // … while an event of the day before is still judged against version 1.
      expect(await sut.app.get(AgreementsInForce).agreementInForce(client.id, new Date(sut.clock.now().getTime() - DAY / 2))).toMatchObject({ versionNumber: 1 });
      const stillVerifies = await sut.http().get(`/agreements/${id}/versions/1/verify`).set(staff()).expect(200);
      expect(stillVerifies.body.verified).toBe(true);
    });
  });

  describe('the PDF', () => {
    // The clause headings of part B, one per Art. 28(3) item, in each language.
    const CLAUSES = {
      nl: [
        'Onderwerp, duur, aard en doel (artikel 28 lid 3 AVG)',
        'Rechten en verplichtingen van de verwerkingsverantwoordelijke (artikel 28 lid 3 AVG)',
        'Schriftelijke instructies (artikel 28 lid 3 onder a AVG)',
        'Geheimhouding (artikel 28 lid 3 onder b AVG)',
        'Beveiliging (artikel 28 lid 3 onder c en artikel 32 AVG)',
        'Subverwerkers (artikel 28 lid 3 onder d, lid 2 en lid 4 AVG)',
        'Rechten van betrokkenen (artikel 28 lid 3 onder e AVG)',
        'onder f AVG)',
        'Einde van de dienstverlening (artikel 28 lid 3 onder g AVG)',
        'Informatie, audits en inbreukmakende instructies (artikel 28 lid 3 onder h AVG)',
      ],
      en: [
        'Subject matter, duration, nature and purpose (Article 28(3) GDPR)',
        'Obligations and rights of the controller (Article 28(3) GDPR)',
        'Documented instructions (Article 28(3)(a) GDPR)',
        'Confidentiality (Article 28(3)(b) GDPR)',
        'Security (Article 28(3)(c) and Article 32 GDPR)',
        'Sub-processors (Article 28(3)(d), 28(2) and 28(4) GDPR)',
        "Data subjects' rights (Article 28(3)(e) GDPR)",
        '(Article 28(3)(f) GDPR)',
        'End of the service (Article 28(3)(g) GDPR)',
        'Information, audits and infringing instructions (Article 28(3)(h) GDPR)',
      ],
    };
    const ANNEXES = {
      nl: ['Deel A — Data Pro Statement', 'Deel B — Standaardclausules', 'Bijlage 1 — Technische en organisatorische maatregelen', 'Bijlage 2 — Subverwerkers', 'Bijlage 3 — Overzicht artikel 28 lid 3 AVG'],
      en: ['Part A — Data Pro Statement', 'Part B — Standard clauses', 'Annex 1 — Technical and organisational measures', 'Annex 2 — Sub-processors', 'Annex 3 — Article 28(3) GDPR checklist'],
    };

    it.each(['nl', 'en'] as const)('in %s: every Art. 28(3) clause, every annex, the measures, the parties with Łódź intact', async (language) => {
      const client = await aClientWithKey({ legalName: `Pracownia Projektowa Łódź ${language} sp. z o.o.`, country: 'PL', kvkNumber: undefined, language });
      const { id } = await sentAgreement(client.id, { dataSubjectCategories: ['klienci w Łodzi'], specialCategories: true, minorsInvolved: true });
      const pdf = (await sut.http().get(`/agreements/${id}/versions/1/pdf`).set(asKey(client.key)).buffer(true).parse(binary).expect(200)).body as Buffer;
      const text = (await pdfPageTexts(pdf)).join('\n').replace(/\s+/g, ' ');

      for (const heading of [...CLAUSES[language], ...ANNEXES[language]]) expect(text).toContain(heading);
      expect(text).toContain(`Pracownia Projektowa Łódź ${language} sp. z o.o.`);
      expect(text).toContain('klienci w Łodzi');
      expect(text).toContain('Doing Better B.V.');
      expect(text).toContain('Dagelijkse versleutelde back-ups binnen de EER, 30 dagen bewaard.');
      expect(text).toContain(language === 'nl' ? 'uiterlijk binnen 24 uur' : 'at the latest within 24 hours');
      expect(text).toContain(language === 'nl' ? 'bezwaartermijn 30 dagen' : 'objection period 30 days');
      expect(text).toContain(language === 'nl' ? 'waaronder minderjarigen' : 'minors included');
      // Annex 3 ticks every item of the article.
      for (const definition of ARTICLE_28_ITEMS.filter((item) => item.label[language].length < 40)) expect(text).toContain(definition.label[language]);
      expect(text.match(language === 'nl' ? /✓ ja/g : /✓ yes/g)).toHaveLength(ARTICLE_28_ITEMS.length);
    });

    it('renders the same version to the same bytes every time', async () => {
      const client = await aClientWithKey();
      const { id, documentSha256 } = await sentAgreement(client.id);
      const first = (await sut.http().get(`/agreements/${id}/versions/1/pdf`).set(staff()).buffer(true).parse(binary).expect(200)).body as Buffer;
      sut.clock.advance(30 * DAY);
      const second = (await sut.http().get(`/agreements/${id}/versions/1/pdf`).set(staff()).buffer(true).parse(binary).expect(200)).body as Buffer;
      expect(sha256Hex(first)).toBe(documentSha256);
      expect(second.equals(first)).toBe(true);
    });

    it('detects a stored version that was changed behind the API', async () => {
      const client = await aClientWithKey();
      const { id } = await acceptedAgreement(client);
      await sut.dataSource.query(
        sut.database.env.DATABASE_URL
          ? `UPDATE dpa_agreement_version SET terms = jsonb_set(terms, '{breachNoticeHours}', '72') WHERE agreement_id = $1`
          : `UPDATE dpa_agreement_version SET terms = json_set(terms, '$.breachNoticeHours', 72) WHERE agreement_id = ?`,
        [id],
      );
      const verification = await sut.http().get(`/agreements/${id}/versions/1/verify`).set(staff()).expect(200);
      expect(verification.body).toMatchObject({ verified: false, contentVerified: false });
    });
  });

  describe('tenancy', () => {
    it('answers 404 when a client reads, accepts, downloads or verifies another client’s agreement, and lists only its own', async () => {
      const mine = await aClientWithKey();
      const theirs = await aClientWithKey();
      const { id, documentSha256 } = await sentAgreement(theirs.id);
      await sentAgreement(mine.id);

      for (const path of [`/agreements/${id}`, `/agreements/${id}/versions/1`, `/agreements/${id}/versions/1/pdf`, `/agreements/${id}/versions/1/verify`, `/agreements/${id}/versions/1/completeness`]) {
        const response = await sut.http().get(path).set(asKey(mine.key));
        expect([path, response.status]).toEqual([path, 404]);
      }
      await sut.http().post(`/agreements/${id}/versions/1/accept`).set(asKey(mine.key)).send({ name: 'X', documentSha256 }).expect(404);
      const list = await sut.http().get('/agreements').set(asKey(mine.key)).expect(200);
      expect(list.body.items.map((agreement: { clientId: string }) => agreement.clientId)).toEqual([mine.id]);
      const filtered = await sut.http().get('/agreements').query({ clientId: theirs.id }).set(asKey(mine.key)).expect(200);
      expect(filtered.body.items).toEqual([]);
      const stillSent = await sut.http().get(`/agreements/${id}/versions/1`).set(staff()).expect(200);
      expect(stillSent.body.status).toBe('sent');
    });

    it('keeps staff-only routes closed to a client', async () => {
      const client = await aClientWithKey();
      await sut.http().post('/agreements').set(asKey(client.key)).send({ clientId: client.id }).expect(403);
      await sut.http().get('/agreements/gaps').set(asKey(client.key)).expect(403);
      await sut.http().get('/processing-register').set(asKey(client.key)).expect(403);
    });
  });

  describe('forcing an incomplete version', () => {
    it('is for an admin only, with a written reason that is kept in the trail and the document', async () => {
      const client = await aClientWithKey();
      const id = await draftFor(client.id, { terms: completingTerms({ auditArrangements: null }) });
      await sut.http().post(`/agreements/${id}/versions/1/send`).set(staff()).send({ force: true, forceReason: 'Klant tekent vandaag' }).expect(403);
      const noReason = await sut.http().post(`/agreements/${id}/versions/1/send`).set(asKey(sut.adminKey)).send({ force: true }).expect(400);
      expect(noReason.body.errors).toEqual([{ field: 'forceReason', messages: expect.arrayContaining(['forceReason is required to force sending an incomplete version']) }]);

      const forced = await sut.http().post(`/agreements/${id}/versions/1/send`).set(asKey(sut.adminKey)).send({ force: true, forceReason: 'Klant tekent vandaag; audits volgen in v2' }).expect(200);
      expect(forced.body).toMatchObject({ status: 'sent', forcedIncomplete: true, forceReason: 'Klant tekent vandaag; audits volgen in v2' });
      const trail = await sut.dataSource.getRepository(ChangeTrailEntry).findOneByOrFail({ action: 'agreement_version.sent', clientId: client.id });
      expect(trail.summary?.after).toMatchObject({ forcedIncomplete: true, forceReason: 'Klant tekent vandaag; audits volgen in v2', missing: ['h_demonstrate_compliance_audits'] });
      const pdf = (await sut.http().get(`/agreements/${id}/versions/1/pdf`).set(staff()).buffer(true).parse(binary).expect(200)).body as Buffer;
      const text = (await pdfPageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('Reden: Klant tekent vandaag; audits volgen in v2');
      expect(text).toContain('✗ ontbreekt');
    });
  });

  describe('bad input', () => {
    it.each<[string, () => Record<string, unknown>, string]>([
      ['a breach deadline beyond 72 hours', () => ({ terms: { breachNoticeHours: 100 } }), 'terms.breachNoticeHours'],
      ['an unknown term', () => ({ terms: { governingLaw: 'Mars' } }), 'terms.governingLaw'],
      ['a fixed duration without a date', () => ({ terms: { duration: { kind: 'fixed' } } }), 'terms.duration.until'],
      ['a notice contact that is not an e-mail address', () => ({ terms: { noticeContacts: ['nope'] } }), 'terms.noticeContacts'],
      ['an end-of-service choice other than delete or return', () => ({ terms: { endOfService: 'archive' } }), 'terms.endOfService'],
      ['a measure without a description', () => ({ terms: { measuresAnnex: [{ category: 'backup' }] } }), 'terms.measuresAnnex.0.description'],
    ])('refuses %s with a field error', async (_case, body, field) => {
      const client = await aClientWithKey();
      const id = await draftFor(client.id);
      const response = await sut.http().patch(`/agreements/${id}/versions/1`).set(staff()).send(body()).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('refuses a second agreement for a client, an unknown client and a malformed version number', async () => {
      const client = await aClientWithKey();
      const id = await draftFor(client.id);
      expect((await sut.http().post('/agreements').set(staff()).send({ clientId: client.id }).expect(409)).body.code).toBe('agreement_exists');
      expect((await sut.http().post('/agreements').set(staff()).send({ clientId: '00000000-0000-4000-8000-000000000000' }).expect(400)).body.errors[0].field).toBe('clientId');
      expect((await sut.http().get(`/agreements/${id}/versions/one`).set(staff()).expect(400)).body.errors[0].field).toBe('number');
      await sut.http().get(`/agreements/${id}/versions/9`).set(staff()).expect(404);
    });
  });

  describe('reminders, termination and gaps', () => {
    it('reminds a client once of a version waiting past the threshold, even when two instances run at once', async () => {
      const client = await aClientWithKey();
      const { id } = await sentAgreement(client.id);
      await dispatcher.drain();
      const reminders = sut.app.get(DpaRemindersService);
      const remindersOfThisVersion = async () => {
        const [{ count }] = await sut.dataSource.query(
          `SELECT COUNT(*) AS count FROM dpa_reminder WHERE version_id = (SELECT id FROM dpa_agreement_version WHERE agreement_id = ${sut.database.env.DATABASE_URL ? '$1' : '?'})`,
          [id],
        );
        return Number(count);
      };
      sut.clock.advance(13 * DAY);
      await reminders.runDue();
      expect(await remindersOfThisVersion()).toBe(0);

      sut.clock.advance(2 * DAY);
      const mailsBefore = sink.messages.length;
      await Promise.all([reminders.runDue(), reminders.runDue()]);
      await reminders.runDue();
      expect(await remindersOfThisVersion()).toBe(1);
      await dispatcher.drain();
      const reminderMails = sink.messages.slice(mailsBefore).filter((mail) => mail.to[0] === client.recipients[0]);
      expect(reminderMails.map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Herinnering: verwerkersovereenkomst wacht op ondertekening/)]);
      expect(reminderMails[0].attachments).toHaveLength(1);
    });

    it('terminates with the end-of-service choice and a due date, reminds when due and lists it as a gap once overdue', async () => {
      const client = await aClientWithKey();
      const { id } = await acceptedAgreement(client);
      const terminated = await sut.http().post(`/agreements/${id}/terminate`).set(staff()).send({ reason: 'Klant stopt met de webshop', endOfService: 'return' }).expect(200);
      const today = terminated.body.termination.terminatedAt.slice(0, 10);
      expect(terminated.body).toMatchObject({ status: 'terminated', termination: { endOfService: 'return', reason: 'Klant stopt met de webshop', completedAt: null } });
      const due = terminated.body.termination.dueOn as string;
      expect(Math.round((Date.parse(due) - Date.parse(today)) / DAY)).toBe(30);
      expect(await sut.app.get(AgreementsInForce).agreementInForce(client.id)).toBeNull();

      const gapsOf = async () => (await sut.http().get('/agreements/gaps').set(staff()).expect(200)).body.items.filter((gap: { clientId: string }) => gap.clientId === client.id).map((gap: { kind: string }) => gap.kind);
      expect(await gapsOf()).toEqual(['no_agreement_in_force']);

      const reminders = sut.app.get(DpaRemindersService);
      sut.clock.advance(30 * DAY);
      expect((await reminders.runDue()).endOfServiceReminders).toBeGreaterThanOrEqual(1);
      expect(await gapsOf()).toEqual(['no_agreement_in_force']);
      sut.clock.advance(2 * DAY);
      expect(await gapsOf()).toEqual(['no_agreement_in_force', 'end_of_service_overdue']);

      await sut.http().post(`/agreements/${id}/end-of-service/complete`).set(staff()).send({ note: 'Export overgedragen, alles verwijderd' }).expect(200);
      expect(await gapsOf()).toEqual(['no_agreement_in_force']);
      await sut.http().post(`/agreements/${id}/terminate`).set(staff()).send({ reason: 'again' }).expect(409);
    });

    it('lists clients without an agreement, incomplete drafts and versions awaiting acceptance', async () => {
      const none = await aClientWithKey();
      const incomplete = await aClientWithKey();
      await draftFor(incomplete.id);
      const waiting = await aClientWithKey();
      await sentAgreement(waiting.id);
      const done = await aClientWithKey();
      await acceptedAgreement(done);

      const gaps = (await sut.http().get('/agreements/gaps').set(asKey(sut.adminKey)).expect(200)).body.items as Array<{ clientId: string; kind: string; missing?: string[] }>;
      const kinds = (clientId: string) => gaps.filter((gap) => gap.clientId === clientId).map((gap) => gap.kind);
      expect(kinds(none.id)).toEqual(['no_agreement_in_force']);
      expect(kinds(incomplete.id)).toEqual(['no_agreement_in_force', 'incomplete_terms']);
      expect(gaps.find((gap) => gap.clientId === incomplete.id && gap.kind === 'incomplete_terms')!.missing).toContain('g_end_of_service');
      expect(kinds(waiting.id)).toEqual(['no_agreement_in_force', 'awaiting_acceptance']);
      expect(kinds(done.id)).toEqual([]);
    });
  });

  describe('record of processing (Art. 30(2))', () => {
    it('derives per client the categories, transfers and measures, as JSON, CSV and PDF', async () => {
      const client = await aClientWithKey({ legalName: 'Kwiaciarnia Łódź sp. z o.o.', country: 'PL', kvkNumber: undefined, language: 'en' });
      await acceptedAgreement(client, { dataCategories: ['names', 'order history'], services: ['webhosting', 'newsletters'] });

      const json = await sut.http().get('/processing-register').set(staff()).expect(200);
      const entry = json.body.entries.find((candidate: { client: { id: string } }) => candidate.client.id === client.id);
      expect(entry).toMatchObject({
        client: { legalName: 'Kwiaciarnia Łódź sp. z o.o.', country: 'PL' },
        agreement: { versionNumber: 1, inForce: true },
        categoriesOfProcessing: { dataCategories: ['names', 'order history'], services: ['webhosting', 'newsletters'] },
        transfers: [],
        securityMeasures: [expect.objectContaining({ category: 'access_control' }), expect.objectContaining({ category: 'backup' })],
      });

      const csv = await sut.http().get('/processing-register/csv').set(staff()).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.split('\r\n')[0]).toMatch(/^client_id,client_name,/);
      expect(csv.text).toContain('Kwiaciarnia Łódź sp. z o.o.');
      expect(csv.text).toContain('webhosting; newsletters');

      const pdf = (await sut.http().get('/processing-register/pdf').query({ language: 'en' }).set(staff()).buffer(true).parse(binary).expect(200)).body as Buffer;
      const text = (await pdfPageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('Record of processing activities (processor)');
      expect(text).toContain('Kwiaciarnia Łódź sp. z o.o.');
      expect(text).toContain('Transfers to third countries (Art. 30(2)(c))');
    });
  });
});

/** supertest parser that keeps a binary body as a Buffer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function binary(response: any, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}
