import { NoticeDispatcher } from '@verwerker/notices';
import { ManualClock } from '@verwerker/platform';
import { pdfPageTexts } from '../../../libs/documents/test/pdf-text';
import { completingTerms, putProcessorProfile } from './support/dpa';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const HOUR = 3_600_000;
// Saturday 24 October 2026, 03:00 CEST. Summer time ends the next night (03:00 CEST → 02:00 CET).
const SATURDAY_0300 = new Date('2026-10-24T01:00:00Z');
const at = (hours: number) => new Date(SATURDAY_0300.getTime() + hours * HOUR);

const TRANSIP = { legalName: 'TransIP B.V.', services: ['webhosting'], processingCountries: ['NL'], certifications: ['ISO 27001'] };

const storageFacts = {
  dataCategories: ['contact', 'identity'],
  dataDescription: 'namen, adressen en e-mailadressen van webshopklanten',
  dataSubjectCategories: ['webshopklanten'],
  subjects: { min: 1000, max: 3000 },
  approximateRecords: 3000,
  identifiability: 'maximum',
  confidentiality: 'unknown_recipients',
  integrity: 'none',
  availability: 'none',
  maliciousIntent: true,
  nature: ['read', 'copied'],
  discoveredHow: 'Melding van TransIP',
  likelyConsequences: 'Phishing gericht aan de klanten van de webshop.',
  measuresTaken: 'TransIP heeft de toegang afgesloten en de sleutels vervangen.',
  crossBorder: false,
};

describe('Breach workflow (e2e: real database, SMTP sink, webhook receiver, moved clock)', () => {
  let sut: TestApp;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let dispatcher: NoticeDispatcher;
  let staffKey: string;
  const clock = new ManualClock('2026-10-01T09:00:00Z');
  const staff = () => ({ 'X-API-Key': staffKey });
  const as = (key: string) => ({ 'X-API-Key': key });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    receiver = await WebhookReceiver.start();
    sut = await startTestApp({
      clock,
      env: { NOTICE_DISPATCHER: 'false', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_TIMEOUT_MS: '2000', DPA_REMINDER_INTERVAL_SECONDS: '0', BREACH_REMINDER_INTERVAL_SECONDS: '0', ALLOW_HTTP_WEBHOOKS: 'true' },
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

  async function agreedClient(name: string, terms: Record<string, unknown>, language: 'nl' | 'en' = 'nl') {
    const slug = name.toLowerCase().replace(/[^a-z]/g, '');
    const client = await sut.createClient({ legalName: name, language, noticeRecipients: [`privacy@${slug}.example`], webhookUrl: receiver.url(`/${slug}`) });
    receiver.register(`/${slug}`, client.webhookSecret);
    const key = await sut.createKey('client', client.id);
    const draft = await sut.http().post('/agreements').set(staff()).send({ clientId: client.id, terms: completingTerms(terms) }).expect(201);
    const sent = await sut.http().post(`/agreements/${draft.body.id}/versions/1/send`).set(staff()).send({}).expect(200);
    await sut.http().post(`/agreements/${draft.body.id}/versions/1/accept`).set(as(key)).send({ name: 'FG', documentSha256: sent.body.documentSha256 }).expect(200);
    return { id: client.id as string, key, email: `privacy@${slug}.example`, path: `/${slug}` };
  }

  describe('a TransIP-reported breach touching three clients with 24, 36 and 48 hours in their agreements', () => {
    let clients: Array<Awaited<ReturnType<typeof agreedClient>>>;
    let other: Awaited<ReturnType<typeof agreedClient>>;
    let incidentId: string;

    beforeAll(async () => {
      const transip = await sut.http().post('/subprocessors').set(staff()).send(TRANSIP).expect(201);
      clients = [
        await agreedClient('Bakkerij Vierentwintig', { services: ['webhosting'], breachNoticeHours: 24 }),
        await agreedClient('Fietsen Zesendertig', { services: ['webhosting'], breachNoticeHours: 36 }, 'en'),
        await agreedClient('Tuin Achtenveertig', { services: ['webhosting'], breachNoticeHours: 48 }),
      ];
      other = await agreedClient('Alleen Mail', { services: ['mail'], breachNoticeHours: 12 });
      await dispatcher.drain();
      sink.messages.length = 0;
      receiver.received.length = 0;

      clock.set(SATURDAY_0300);
      const response = await sut
        .http()
        .post('/incidents')
        .set(staff())
        .send({
          title: 'TransIP: opslagcluster benaderd door onbekende partij',
          description: 'TransIP meldt dat een opslagcluster met webhostingdata vannacht door een onbekende partij is benaderd.',
          source: 'subprocessor',
          detectedAt: SATURDAY_0300.toISOString(),
          awareAt: SATURDAY_0300.toISOString(),
          handlerName: 'J. Jansen',
          handlerEmail: 'j.jansen@doingbetter.example',
          affectedSystems: ['storage-cluster-ams-3'],
          subprocessorIds: [transip.body.id],
          facts: storageFacts,
        })
        .expect(201);
      incidentId = response.body.id;
    });

    it('derives the three clients through TransIP and their agreements, and not the client on another service', async () => {
      const incident = (await sut.http().get(`/incidents/${incidentId}`).set(staff()).expect(200)).body;
      expect(incident.state).toBe('breach');
      expect(incident.clients.map((client: { clientId: string }) => client.clientId).sort()).toEqual(clients.map((client) => client.id).sort());
      expect(incident.clients.map((client: { clientId: string }) => client.clientId)).not.toContain(other.id);
      expect(incident.clients.every((client: { origin: string; hoursSource: string }) => client.origin === 'subprocessor' && client.hoursSource === 'agreement')).toBe(true);
    });

    it('gives each client its deadline, awareness + its agreement hours in elapsed hours across the end of summer time (DOMAIN.md §5)', async () => {
      const incident = (await sut.http().get(`/incidents/${incidentId}`).set(staff()).expect(200)).body;
      const deadlines = Object.fromEntries(incident.obligations.map((obligation: { clientId: string; deadline: string }) => [obligation.clientId, obligation.deadline]));
      // 24 h after 03:00 CEST is 02:00 CET on Sunday: the wall clock moved back one hour, the deadline did not.
      expect(deadlines[clients[0].id]).toBe('2026-10-25T02:00:00.000+01:00');
      expect(deadlines[clients[1].id]).toBe('2026-10-25T14:00:00.000+01:00');
      expect(deadlines[clients[2].id]).toBe('2026-10-26T02:00:00.000+01:00');
      expect(incident.obligations.every((obligation: { kind: string; legalBasis: string; reasons: string[] }) => obligation.kind === 'client_notice' && /Art\. 33\(2\)/.test(obligation.legalBasis) && obligation.reasons.length > 0)).toBe(true);
      expect(incident.reasons.join(' ')).toMatch(/whatever the risk/);
      expect(incident.assessment.reasons.map((reason: { reference: string }) => reason.reference).join(' ')).toMatch(/ENISA 2013/);
    });

    it('reminds the handler at 50 %, 75 % and 90 %, once each, and escalates an overdue deadline to the DPO', async () => {
      const run = async (hours: number) => {
        clock.set(at(hours));
        return (await sut.http().post('/incidents/reminders/run').set(staff()).expect(200)).body;
      };
      expect(await run(11.9)).toEqual({ sent: 0, escalated: 0 });
      expect(await run(12)).toEqual({ sent: 1, escalated: 0 }); // 50 % of 24 h
      expect(await run(12)).toEqual({ sent: 0, escalated: 0 }); // once, however often the job runs
      expect(await run(18)).toEqual({ sent: 2, escalated: 0 }); // 75 % of 24 h, 50 % of 36 h
      expect(await run(21.6)).toEqual({ sent: 1, escalated: 0 }); // 90 % of 24 h
      expect(await run(24.5)).toEqual({ sent: 2, escalated: 1 }); // 24 h overdue; 50 % of 48 h
      const reminders = (await sut.http().get(`/incidents/${incidentId}/reminders`).set(staff()).expect(200)).body;
      expect(reminders.map((reminder: { deadlineKey: string; point: string }) => `${reminder.deadlineKey}@${reminder.point}`)).toEqual([
        'client_notice:24h@0.5',
        'client_notice:24h@0.75',
        'client_notice:36h@0.5',
        'client_notice:24h@0.9',
        'client_notice:24h@overdue',
        'client_notice:48h@0.5',
      ]);
      await dispatcher.drain();
      const overdue = sink.messages.filter((mail) => mail.subject.startsWith('VERLOPEN'));
      expect(overdue.flatMap((mail) => mail.to).sort()).toEqual(['fg@doingbetter.example', 'j.jansen@doingbetter.example']);
      const points = sink.messages.filter((mail) => mail.subject.startsWith('Herinnering'));
      expect(points).toHaveLength(5);
      expect(points.every((mail) => mail.to.length === 1 && mail.to[0] === 'j.jansen@doingbetter.example')).toBe(true);
      expect(overdue[0].text).toContain('Melding aan klanten');
      const incident = (await sut.http().get(`/incidents/${incidentId}`).set(staff()).expect(200)).body;
      expect(incident.obligations.find((obligation: { clientId: string }) => obligation.clientId === clients[0].id).status).toBe('overdue');
      // Internal alerts have no client: no client ever sees them.
      const inbox = (await sut.http().get('/notices').set(as(clients[0].key)).expect(200)).body;
      expect(inbox.items.some((notice: { type: string }) => notice.type === 'breach_deadline_alert')).toBe(false);
      sink.messages.length = 0;
    });

    it('notifies the three clients by e-mail with a PDF letter in their language and by signed webhook', async () => {
      clock.set(at(25));
      const round = (await sut.http().post(`/incidents/${incidentId}/client-notices`).set(staff()).expect(200)).body;
      expect(round.notified).toBe(3);
      expect(round.incident.state).toBe('notified');
      await dispatcher.drain();
      for (const client of clients) {
        const mails = sink.messages.filter((mail) => mail.to.includes(client.email));
        expect(mails).toHaveLength(1);
      }
      await receiver.waitFor(3);
      expect(receiver.received.filter((hook) => hook.verified && hook.status === 200).map((hook) => hook.path).sort()).toEqual(clients.map((client) => client.path).sort());
      const english = sink.messages.find((mail) => mail.to.includes(clients[1].email))!;
      expect(english.subject).toMatch(/^Personal data breach notice INC-/);
      const pdf = english.attachments.find((attachment) => attachment.contentType === 'application/pdf')!;
      const text = (await pdfPageTexts(pdf.content)).join('\n');
      expect(text).toContain('Personal data breach notice');
      expect(text).toContain('Fietsen Zesendertig');
      expect(text).toContain('25 October 2026 14:00 (UTC+01:00)');
      expect(text).toMatch(/\(a\) Nature of the breach/);
      expect(text).toMatch(/\(b\) Contact point/);
      expect(text).toMatch(/\(c\) Likely consequences/);
      expect(text).toMatch(/\(d\) Measures taken or proposed/);
      expect(text).toMatch(/Draft risk assessment/);
      expect(text).toMatch(/Dutch DPA/);
      const dutch = sink.messages.find((mail) => mail.to.includes(clients[0].email))!;
      expect(dutch.subject).toMatch(/^Melding datalek INC-/);
      expect(dutch.text).toContain('25 oktober 2026 02:00 (UTC+01:00)');
      const hook = JSON.parse(receiver.received.find((received) => received.path === clients[2].path)!.body);
      expect(hook.type).toBe('breach_notice');
      expect(hook.data.content.deadline).toBe('2026-10-26T01:00:00.000Z');
      expect(hook.data.content.authorityFormAnswers.length).toBeGreaterThan(10);
      expect(hook.data.content.draftAssessment.reasons.length).toBeGreaterThan(0);
    });

    it('lets each client acknowledge its own notice only, and shows staff who has not', async () => {
      const own = (await sut.http().get('/breach-notices').set(as(clients[0].key)).expect(200)).body;
      expect(own.items).toHaveLength(1);
      expect(own.items[0].clientId).toBe(clients[0].id);
      const others = (await sut.http().get('/breach-notices').set(as(clients[1].key)).expect(200)).body;
      await sut.http().post(`/breach-notices/${others.items[0].id}/acknowledge`).set(as(clients[0].key)).send({ name: 'M. de Vries' }).expect(404);
      const acknowledged = (await sut.http().post(`/breach-notices/${own.items[0].id}/acknowledge`).set(as(clients[0].key)).send({ name: 'M. de Vries' }).expect(200)).body;
      expect(acknowledged.acknowledgedBy).toBe('M. de Vries');
      await sut.http().post(`/breach-notices/${own.items[0].id}/acknowledge`).set(staff()).send({ name: 'x' }).expect(403);
      const waiting = (await sut.http().get(`/incidents/${incidentId}/client-notices?acknowledged=false`).set(staff()).expect(200)).body;
      expect(waiting.items.map((notice: { clientId: string }) => notice.clientId).sort()).toEqual([clients[1].id, clients[2].id].sort());
      await sut.http().get(`/incidents/${incidentId}`).set(as(clients[0].key)).expect(403);
    });

    it('sends a follow-up (Art. 33(4)) with what changed to every notified client', async () => {
      sink.messages.length = 0;
      const round = (await sut.http().post(`/incidents/${incidentId}/follow-ups`).set(staff()).send({ changes: 'Forensisch onderzoek: er zijn geen wachtwoorden ingezien.' }).expect(200)).body;
      expect(round.notified).toBe(3);
      await dispatcher.drain();
      expect(sink.messages.map((mail) => mail.subject.split(' ')[0]).sort()).toEqual(['Aanvulling:', 'Aanvulling:', 'Follow-up:']);
      expect(sink.messages[0].text).toContain('geen wachtwoorden ingezien');
      const notices = (await sut.http().get('/breach-notices').set(as(clients[1].key)).expect(200)).body;
      expect(notices.items.map((notice: { sequence: number }) => notice.sequence).sort()).toEqual([1, 2]);
    });
  });

  describe('our own newsletter list', () => {
    const newsletter = {
      title: 'Nieuwsbrieflijst openbaar',
      description: 'Een export van de nieuwsbrieflijst stond 3 dagen openbaar op een publieke URL.',
      handlerName: 'J. Jansen',
      handlerEmail: 'j.jansen@doingbetter.example',
      affectedSystems: ['laposta-export'],
      ownData: true,
    };

    it('yields an AP draft with a 72-hour deadline and the reasons; filing late requires the reasons for the delay', async () => {
      clock.set('2026-03-28T09:00:00Z'); // 10:00 CET; summer time starts the next night
      const created = (
        await sut
          .http()
          .post('/incidents')
          .set(staff())
          .send({ ...newsletter, detectedAt: '2026-03-28T08:30:00Z', facts: { ...storageFacts, dataDescription: 'namen en e-mailadressen', dataSubjectCategories: ['nieuwsbriefabonnees'], subjects: { min: 4000, max: 5000 }, confidentiality: 'unknown_recipients', maliciousIntent: true, nature: ['read', 'copied'] } })
          .expect(201)
      ).body;
      expect(created.state).toBe('reported');
      expect(created.obligations).toEqual([]);
      const confirmed = (await sut.http().post(`/incidents/${created.id}/confirm-breach`).set(staff()).send({}).expect(200)).body;
      expect(confirmed.obligations).toEqual([expect.objectContaining({ kind: 'authority', recipient: 'Autoriteit Persoonsgegevens', legalBasis: 'GDPR Art. 33(1)', deadline: '2026-03-31T11:00:00.000+02:00' })]);
      expect(confirmed.decision.risk).toBe('risk');
      expect(confirmed.reasons.join(' ')).toMatch(/72 hours|EDPB|ENISA/);

      const draft = (await sut.http().get(`/incidents/${created.id}/authority-draft?language=nl`).set(staff()).expect(200)).body;
      expect(draft.deadline).toBe('2026-03-31T11:00:00.000+02:00');
      expect(draft.answers[0]).toMatchObject({ key: 'contact.organisation', answer: 'Doing Better B.V.' });
      expect(draft.missing).toEqual(expect.arrayContaining(['timeline.started', 'what.cause']));
      const pdf = await sut.http().get(`/incidents/${created.id}/authority-draft.pdf?language=nl`).set(staff()).buffer(true).parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await pdfPageTexts(pdf.body as Buffer)).join('\n');
      expect(text).toMatch(/Concept melding datalek aan de Autoriteit\s+Persoonsgegevens/);
      expect(text).toContain('31 maart 2026 11:00 (UTC+02:00)');
      expect(text).toContain('ONTBREEKT');

      clock.set('2026-03-31T09:30:00Z'); // 72 h and 30 minutes after awareness
      const late = await sut.http().post(`/incidents/${created.id}/authority-filing`).set(staff()).send({ reference: 'AP-2026-0042' }).expect(400);
      expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(late.body.errors).toEqual([{ field: 'delayReason', messages: [expect.stringMatching(/Art\. 33\(1\)/)] }]);
      const filed = (await sut.http().post(`/incidents/${created.id}/authority-filing`).set(staff()).send({ reference: 'AP-2026-0042', delayReason: 'De omvang was pas na forensisch onderzoek bekend.' }).expect(200)).body;
      expect(filed.authority).toMatchObject({ reference: 'AP-2026-0042', delayReason: 'De omvang was pas na forensisch onderzoek bekend.' });
      expect(filed.obligations[0].status).toBe('done_late');
      expect(filed.state).toBe('notified');

      const letter = (await sut.http().get(`/incidents/${created.id}/data-subject-draft?language=en`).set(staff()).expect(200)).body;
      expect(letter.required).toBe(false);
      expect(letter.paragraphs.join('\n')).toContain('namen en e-mailadressen');
      const letterPdf = await sut.http().get(`/incidents/${created.id}/data-subject-draft.pdf?language=nl`).set(staff()).buffer(true).parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      }).expect(200);
      expect((await pdfPageTexts(letterPdf.body as Buffer)).join('\n')).toContain('Wat u zelf kunt doen');
      const registerOwn = (await sut.http().get('/breach-register?ownData=false&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z').set(staff()).expect(200)).body;
      expect(registerOwn).toEqual([]);
      const registerOwnTrue = (await sut.http().get('/breach-register?ownData=true&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z').set(staff()).expect(200)).body;
      expect(registerOwnTrue.map((entry: { id: string }) => entry.id)).toEqual([created.id]);
    });

    it('yields "document only" for a low-risk one, with its reason in the register; a non-breach is kept too', async () => {
      clock.set('2026-05-04T10:00:00Z');
      const lowRisk = (
        await sut
          .http()
          .post('/incidents')
          .set(staff())
          .send({ ...newsletter, title: 'Nieuwsbrief naar verkeerde collega', detectedAt: '2026-05-04T09:00:00Z', awareAt: '2026-05-04T09:30:00Z', facts: { ...storageFacts, dataCategories: ['contact'], subjects: { min: 12, max: 12 }, confidentiality: 'known_recipients', trustedRecipientDeleted: true, maliciousIntent: false } })
          .expect(201)
      ).body;
      expect(lowRisk.documentOnly).toBe(true);
      expect(lowRisk.obligations).toEqual([]);
      expect(lowRisk.reasons.join(' ')).toMatch(/Document only.*Art\. 33\(5\)/);
      expect(lowRisk.decision.reasons.join(' ')).toMatch(/Severity low means risk: unlikely.*Art\. 33\(5\)/);
      await sut.http().post(`/incidents/${lowRisk.id}/close`).set(staff()).send({ note: 'Gedocumenteerd, geen melding nodig.' }).expect(200);

      const notBreach = (await sut.http().post('/incidents').set(staff()).send({ ...newsletter, title: 'Phishingmail aan medewerker', detectedAt: '2026-05-04T09:00:00Z' }).expect(201)).body;
      await sut.http().post(`/incidents/${notBreach.id}/investigate`).set(staff()).expect(200);
      await sut.http().post(`/incidents/${notBreach.id}/not-a-breach`).set(staff()).send({ reason: 'Niet aangeklikt; geen persoonsgegevens betrokken.' }).expect(200);
      await sut.http().post(`/incidents/${notBreach.id}/confirm-breach`).set(staff()).send({ awareAt: '2026-05-04T08:00:00Z' }).expect(400);

      const register = (await sut.http().get('/breach-register?from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z').set(staff()).expect(200)).body;
      register.sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title));
      expect(register.map((entry: { title: string }) => entry.title)).toEqual(['Nieuwsbrief naar verkeerde collega', 'Phishingmail aan medewerker']);
      expect(register[0]).toMatchObject({ state: 'closed', documentOnly: true, closingNote: 'Gedocumenteerd, geen melding nodig.' });
      expect(register[1]).toMatchObject({ state: 'not_a_breach', notBreachReason: 'Niet aangeklikt; geen persoonsgegevens betrokken.' });
      const csv = await sut.http().get('/breach-register.csv?state=not_a_breach').set(staff()).expect(200);
      expect(csv.text.split('\r\n')[0]).toMatch(/^reference,title,state/);
      expect(csv.text).toContain('Niet aangeklikt; geen persoonsgegevens betrokken.');
      expect(csv.text).not.toContain('Nieuwsbrief naar verkeerde collega');
      const pdf = await sut.http().get('/breach-register.pdf?language=en&from=2026-05-01T00:00:00Z').set(staff()).buffer(true).parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      }).expect(200);
      const text = (await pdfPageTexts(pdf.body as Buffer)).join('\n');
      expect(text).toContain('Register of breaches and incidents');
      expect(text).toContain('Document only');
    });

    it('keeps a staff override beside the computed outcome', async () => {
      const incident = (await sut.http().post('/incidents').set(staff()).send({ ...newsletter, title: 'Override', detectedAt: '2026-05-04T09:00:00Z', awareAt: '2026-05-04T09:30:00Z', facts: storageFacts }).expect(201)).body;
      expect(incident.decision).toMatchObject({ risk: 'risk', source: 'assessment' });
      const overridden = (await sut.http().post(`/incidents/${incident.id}/assessment-override`).set(staff()).send({ risk: 'high', reason: 'Klantenkring bestaat uit kwetsbare personen.' }).expect(200)).body;
      expect(overridden.assessment.risk).toBe('risk');
      expect(overridden.override).toMatchObject({ risk: 'high', reason: 'Klantenkring bestaat uit kwetsbare personen.' });
      expect(overridden.obligations.map((obligation: { kind: string }) => obligation.kind)).toEqual(['authority', 'data_subjects']);
    });
  });

  describe('the NIS2 track (Directive 2022/2555 Art. 23(4))', () => {
    it('runs 24 h / 72 h / one month for a significant incident once the processor is a NIS2 entity', async () => {
      await putProcessorProfile(sut, { nis2Entity: true });
      clock.set('2026-01-30T23:00:00Z'); // 31 January, 00:00 in Amsterdam
      const incident = (await sut.http().post('/incidents').set(staff()).send({ title: 'DDoS op DNS', description: 'Langdurige DDoS-aanval op de DNS-dienst.', detectedAt: '2026-01-30T23:00:00Z', awareAt: '2026-01-30T23:00:00Z', handlerName: 'J. Jansen', handlerEmail: 'j.jansen@doingbetter.example', nis2Significant: true }).expect(201)).body;
      expect(incident.obligations.map((obligation: { kind: string; deadline: string | null }) => [obligation.kind, obligation.deadline])).toEqual([
        ['nis2_early_warning', '2026-02-01T00:00:00.000+01:00'],
        ['nis2_notification', '2026-02-03T00:00:00.000+01:00'],
        ['nis2_final_report', null],
      ]);
      clock.set('2026-01-31T10:00:00Z');
      await sut.http().post(`/incidents/${incident.id}/nis2-reports`).set(staff()).send({ stage: 'final_report' }).expect(409);
      await sut.http().post(`/incidents/${incident.id}/nis2-reports`).set(staff()).send({ stage: 'early_warning' }).expect(200);
      const notified = (await sut.http().post(`/incidents/${incident.id}/nis2-reports`).set(staff()).send({ stage: 'notification' }).expect(200)).body;
      // One calendar month after 31 January 11:00 is the last day of February (the earlier, safe reading).
      expect(notified.obligations.find((obligation: { kind: string }) => obligation.kind === 'nis2_final_report').deadline).toBe('2026-02-28T11:00:00.000+01:00');
      expect(notified.state).toBe('notifying');
      await sut.http().post(`/incidents/${incident.id}/nis2-reports`).set(staff()).send({ stage: 'interim' }).expect(400);
      await putProcessorProfile(sut, { nis2Entity: false });
    });
  });

  describe('bad input', () => {
    it('answers 400 problem+json naming every bad field, never 500', async () => {
      const response = await sut.http().post('/incidents').set(staff()).send({ title: 'x', detectedAt: 'yesterday', handlerEmail: 'nope', facts: { dataCategories: ['gossip'], subjects: { min: 5, max: 1 } }, colour: 'red' }).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['title', 'description', 'detectedAt', 'handlerName', 'handlerEmail', 'facts.dataCategories', 'colour']));
      await sut.http().post('/incidents').set(staff()).send({ title: 'Later', description: 'In de toekomst', detectedAt: '2030-01-01T00:00:00Z', handlerName: 'J. Jansen', handlerEmail: 'j@x.example' }).expect(400);
      await sut.http().get('/incidents/00000000-0000-4000-8000-000000000000').set(staff()).expect(404);
      await sut.http().get('/incidents/not-a-uuid').set(staff()).expect(400);
    });
  });
});
