/**
 * Breach fan-out benchmark: a sub-processor (TransIP) reports a breach touching N clients (default 10,000). Measures,
 * on PostgreSQL:
 *   1. decided and queued — from the incident report (clients derived through the sub-processor and the agreements)
 *      through `POST /incidents/{id}/client-notices` (a PDF per notice, e-mail + signed webhook each) to its answer;
 *   2. delivered — until every e-mail has reached a loopback SMTP server and every webhook a loopback receiver
 *      (signatures verified), both in a process of their own; worker processes deliver (`apps/api/src/worker.ts`).
 *
 *   npm run bench:breach-fanout                       # 10,000 clients, 2 workers
 *   npm run bench:breach-fanout -- --clients 2000 --workers 1
 *
 * The setup writes the clients and their accepted agreements straight into the database (multi-row inserts);
 * creating 10,000 agreements over HTTP would render 10,000 agreement PDFs first and measure nothing of this.
 * Targets on the 2-core reference machine: queued < 30 s, delivered < 120 s.
 */
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { generateApiKeyToken } from '@verwerker/auth';
import { insertRows, SecretBox, TransactionRunner } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/app.setup';
import { loadConfiguration } from '../../apps/api/src/config/configuration';
import { createTestDatabase } from '../../apps/api/test/support/test-database';
import { WorkerProcess } from '../../apps/api/test/support/worker-process';
import { ReceiverProcess } from '../notifications/receivers';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const CLIENTS = option('clients', 10_000);
const WORKERS = option('workers', 2);
const HOURS = [24, 36, 48];
const WEBHOOK_SECRET = `whsec_${Buffer.from('breach-fanout-benchmark-secret!!').toString('base64')}`;

async function main(): Promise<void> {
  const receivers = await ReceiverProcess.start();
  const database = await createTestDatabase('postgres');
  const adminKey = generateApiKeyToken().token;
  const env: Record<string, string> = {
    ...database.env,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    ALLOW_HTTP_WEBHOOKS: 'true',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(receivers.smtpPort),
    SMTP_FROM: 'Privacy <privacy@processor.example>',
    SMTP_POOL_SIZE: '5',
    NOTICE_CONCURRENCY: '64',
    NOTICE_BATCH_SIZE: '64',
    NOTICE_POLL_INTERVAL_MS: '100',
    DPA_REMINDER_INTERVAL_SECONDS: '0',
    SUBPROCESSOR_APPLY_INTERVAL_SECONDS: '0',
    BREACH_REMINDER_INTERVAL_SECONDS: '0',
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
    AUDIT_PURGE_INTERVAL_HOURS: '0',
  };
  let app: INestApplication | null = null;
  const workers: WorkerProcess[] = [];
  try {
    const apiEnv = { ...env, NOTICE_DISPATCHER: 'false', BOOTSTRAP_ADMIN_KEY: adminKey };
    app = await NestFactory.create(AppModule.forRoot(apiEnv), { logger: ['error'] });
    configureApp(app, loadConfiguration(apiEnv));
    await app.listen(0, '127.0.0.1');
    const api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${api}${path}`, { method, headers: { 'content-type': 'application/json', 'x-api-key': adminKey }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = (await response.json()) as Record<string, any>;
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json).slice(0, 500)}`);
      return json;
    };

    // --- setup (not measured) ---------------------------------------------------------------------------------
    await call('PUT', '/processor-profile', {
      legalName: 'Doing Better B.V.', kvkNumber: '28098765', streetAddress: 'Stationsweg 12', postalCode: '2312 AV', city: 'Leiden', country: 'NL',
      contactName: 'Privacyteam', contactEmail: 'privacy@doingbetter.example', contactPhone: '+31 71 000 0000', dpoName: 'S. de Jong', dpoEmail: 'fg@doingbetter.example',
      defaultBreachNoticeHours: 24, defaultSubprocessorAuthorisation: 'general', defaultObjectionPeriodDays: 30, nis2Entity: false, measures: [],
    });
    const transip = await call('POST', '/subprocessors', { legalName: 'TransIP B.V.', services: ['webhosting'], processingCountries: ['NL'] });
    const setupStarted = Date.now();
    const sealed = app.get(SecretBox).seal(WEBHOOK_SECRET);
    const now = new Date(Date.now() - 3_600_000);
    const clients: unknown[][] = [];
    const agreements: unknown[][] = [];
    const versions: unknown[][] = [];
    const secrets: Array<[string, string]> = [];
    for (let index = 0; index < CLIENTS; index++) {
      const clientId = randomUUID();
      const agreementId = randomUUID();
      const path = `/hooks/${index}`;
      secrets.push([path, WEBHOOK_SECRET]);
      clients.push([clientId, `Klant ${index} B.V.`, String(40_000_000 + index), 'NL', index % 3 === 0 ? 'en' : 'nl', 'Privacy', `privacy${index}@client.example`, [`privacy${index}@client.example`], `http://127.0.0.1:${receivers.webhookPort}${path}`, sealed, 'active', null, now, now]);
      agreements.push([agreementId, clientId, 'Verwerkersovereenkomst', now, now]);
      versions.push([randomUUID(), agreementId, clientId, 1, 'accepted', { services: ['webhosting'], breachNoticeHours: HOURS[index % HOURS.length] }, {}, now, 'bench', now, now, now, 'FG']);
    }
    await app.get(TransactionRunner).run(async (manager) => {
      await insertRows(manager, 'client', ['id', 'legal_name', 'kvk_number', 'country', 'language', 'privacy_contact_name', 'privacy_contact_email', 'notice_recipients', 'webhook_url', 'webhook_secret_sealed', 'status', 'ended_at', 'created_at', 'updated_at'], clients);
      await insertRows(manager, 'dpa_agreement', ['id', 'client_id', 'title', 'created_at', 'updated_at'], agreements);
      await insertRows(manager, 'dpa_agreement_version', ['id', 'agreement_id', 'client_id', 'number', 'status', 'terms', 'parties', 'created_at', 'created_by', 'updated_at', 'sent_at', 'accepted_at', 'accepted_by_name'], versions);
    });
    await receivers.register(secrets);
    console.log(`setup: ${CLIENTS} clients with accepted agreements (24/36/48 h) in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

    // --- 1. decided and queued --------------------------------------------------------------------------------
    const started = Date.now();
    const incident = await call('POST', '/incidents', {
      title: 'TransIP: opslagcluster benaderd door onbekende partij',
      description: 'TransIP meldt dat een opslagcluster met webhostingdata door een onbekende partij is benaderd.',
      source: 'subprocessor',
      detectedAt: new Date(Date.now() - 600_000).toISOString(),
      awareAt: new Date().toISOString(),
      handlerName: 'J. Jansen',
      handlerEmail: 'j.jansen@doingbetter.example',
      subprocessorIds: [transip.id],
      facts: { dataCategories: ['contact', 'identity'], dataSubjectCategories: ['webshopklanten'], subjects: { min: 100, max: 1000 }, identifiability: 'maximum', confidentiality: 'unknown_recipients', integrity: 'none', availability: 'none', maliciousIntent: true, likelyConsequences: 'Phishing.', measuresTaken: 'Toegang afgesloten, sleutels vervangen.' },
    });
    const reported = Date.now();
    if (incident.clients.length !== CLIENTS) throw new Error(`derived ${incident.clients.length} clients, expected ${CLIENTS}`);
    const round = await call('POST', `/incidents/${incident.id}/client-notices`);
    const queued = Date.now();
    if (round.notified !== CLIENTS) throw new Error(`notified ${round.notified}, expected ${CLIENTS}`);
    console.log(`report + derive ${CLIENTS} clients: ${((reported - started) / 1000).toFixed(1)} s; decide + render + queue ${CLIENTS} notices: ${((queued - reported) / 1000).toFixed(1)} s`);

    // --- 2. delivered ---------------------------------------------------------------------------------------------
    for (let index = 0; index < WORKERS; index++) workers.push(await WorkerProcess.start({ ...env, LOG_LEVEL: 'silent' }, 60_000));
    const total = CLIENTS * 2;
    const deadline = Date.now() + 900_000;
    for (let arrived = await receivers.count(); arrived < total; arrived = await receivers.count()) {
      if (Date.now() > deadline) throw new Error(`timed out with ${arrived} of ${total} deliveries`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const delivered = Date.now();
    const report = await receivers.report();
    const queuedSeconds = (queued - started) / 1000;
    const deliveredSeconds = (delivered - started) / 1000;
    console.log(`\nbreach fan-out, PostgreSQL, ${CLIENTS} clients, ${WORKERS} worker(s):`);
    console.log(`  decided and queued (incident report → notices with PDFs in the outbox): ${queuedSeconds.toFixed(1)} s  (target < 30 s) ${queuedSeconds < 30 ? 'OK' : 'MISSED'}`);
    console.log(`  delivered (→ ${CLIENTS} e-mails with PDF and ${CLIENTS} signed webhooks received):   ${deliveredSeconds.toFixed(1)} s  (target < 120 s) ${deliveredSeconds < 120 ? 'OK' : 'MISSED'}`);
    console.log(`  arrivals ${report.arrivals.length}, duplicates ${report.duplicates}, bad signatures ${report.badSignatures}`);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop().catch(() => worker.kill())));
    await app?.close();
    await receivers.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
