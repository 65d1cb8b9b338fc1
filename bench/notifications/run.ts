/**
 * Notice delivery benchmark: N notices (one e-mail with a small PDF and one signed webhook each) through the
 * outbox to loopback receivers, delivered by real worker processes (`apps/api/src/worker.ts`).
 *
 *   npm run bench:notifications                       # SQLite 1 worker, PostgreSQL 1 and 2 workers
 *   npm run bench:notifications -- postgres:2 --notices 2000
 *
 * Prints the enqueue rate (one notice per transaction, as a decision would write it), the delivery rate
 * (notices with both channels delivered, per second, from the first enqueue to the last arrival) and p50/p95
 * from decision to delivery (the later of the two arrivals). Every webhook signature is verified.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { NoticeDelivery, NoticeOutbox, NoticeType } from '@verwerker/notices';
import { generateApiKeyToken } from '@verwerker/auth';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/app.setup';
import { loadConfiguration } from '../../apps/api/src/config/configuration';
import { createTestDatabase, TestDatabase } from '../../apps/api/test/support/test-database';
import { TINY_PDF } from '../../apps/api/test/support/notices';
import { WorkerProcess } from '../../apps/api/test/support/worker-process';

interface Arrivals {
  at: Map<string, number>;
  duplicates: number;
  badSignatures: number;
}

async function startSmtp(arrivals: Arrivals): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const head = Buffer.concat(chunks).subarray(0, 4096).toString('latin1');
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '?';
        if (arrivals.at.has(id)) arrivals.duplicates++;
        else arrivals.at.set(id, Date.now());
        callback();
      });
    },
  });
  // A worker stopping drops its pooled connections: not an error for the sink.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function startReceiver(arrivals: Arrivals, secrets: Map<string, Webhook>): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(request.headers['webhook-id']);
      try {
        secrets.get(request.url ?? '')!.verify(body, request.headers as Record<string, string>);
      } catch {
        arrivals.badSignatures++;
        response.writeHead(401).end();
        return;
      }
      if (arrivals.at.has(id)) arrivals.duplicates++;
      else arrivals.at.set(id, Date.now());
      response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(kind: 'sqlite' | 'postgres', workerCount: number, notices: number): Promise<void> {
  const arrivals: Arrivals = { at: new Map(), duplicates: 0, badSignatures: 0 };
  const secrets = new Map<string, Webhook>();
  const smtp = await startSmtp(arrivals);
  const receiver = await startReceiver(arrivals, secrets);
  const database: TestDatabase = await createTestDatabase(kind);
  const env: Record<string, string> = {
    ...database.env,
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    ALLOW_HTTP_WEBHOOKS: 'true',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'Privacy <privacy@processor.example>',
    SMTP_POOL_SIZE: '5',
    NOTICE_CONCURRENCY: '64',
    NOTICE_BATCH_SIZE: '32',
    NOTICE_POLL_INTERVAL_MS: '100',
  };
  let app: INestApplication | null = null;
  const adminKey = generateApiKeyToken().token;
  const workers: WorkerProcess[] = [];
  try {
    // The API (no dispatcher of its own) creates the clients over HTTP, as a control panel would.
    const apiEnv = { ...env, NOTICE_DISPATCHER: 'false', BOOTSTRAP_ADMIN_KEY: adminKey, LOG_LEVEL: 'silent' };
    app = await NestFactory.create(AppModule.forRoot(apiEnv), { logger: ['error'] });
    configureApp(app, loadConfiguration(apiEnv));
    await app.listen(0, '127.0.0.1');
    const api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const outbox = app.get(NoticeOutbox);
    const dataSource = app.get(DataSource);
    const clientIds: string[] = [];
    for (let index = 0; index < 20; index++) {
      const path = `/hooks/${index}`;
      const response = await fetch(`${api}/clients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': adminKey },
        body: JSON.stringify({
          legalName: `Bench client ${index} B.V.`,
          kvkNumber: String(30000000 + index),
          country: 'NL',
          language: index % 2 ? 'en' : 'nl',
          privacyContact: { name: 'Privacy', email: `privacy${index}@client.example` },
          noticeRecipients: [`privacy${index}@client.example`],
          webhookUrl: `http://127.0.0.1:${receiver.port}${path}`,
        }),
      });
      const client = (await response.json()) as { id: string; webhookSecret: string };
      if (response.status !== 201) throw new Error(`creating a client failed: ${response.status} ${JSON.stringify(client)}`);
      secrets.set(path, new Webhook(client.webhookSecret));
      clientIds.push(client.id);
    }
    const decidedAt = new Map<string, number>();
    const idsOfNotice = new Map<string, string[]>();
    let sequence = 0;
    // One notice per transaction, as a decision writes it; a few decisions at once on PostgreSQL (SQLite has
    // a single writer anyway).
    const enqueue = async (count: number): Promise<string[]> => {
      const noticeIds: string[] = [];
      let remaining = count;
      await Promise.all(
        Array.from({ length: kind === 'postgres' ? 8 : 1 }, async () => {
          while (remaining > 0) {
            remaining--;
            const index = sequence++;
            const at = Date.now();
            const enqueued = await dataSource.transaction((manager) =>
              outbox.enqueue(manager, {
                clientId: clientIds[index % clientIds.length],
                type: NoticeType.DpaDocument,
                data: { action: 'offered', agreementTitle: 'Verwerkersovereenkomst', version: String(index), documentSha256: 'ab'.repeat(32) },
                attachments: [{ filename: `dpa-${index}.pdf`, contentType: 'application/pdf', content: TINY_PDF }],
              }),
            );
            decidedAt.set(enqueued.noticeId, at);
            idsOfNotice.set(enqueued.noticeId, enqueued.deliveries.map((delivery) => delivery.messageId));
            noticeIds.push(enqueued.noticeId);
          }
        }),
      );
      return noticeIds;
    };
    const waitForArrivals = async (total: number): Promise<void> => {
      const deadline = Date.now() + 600_000;
      while (arrivals.at.size < total) {
        if (Date.now() > deadline) throw new Error(`timed out with ${arrivals.at.size} of ${total} deliveries`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    // Phase 1, throughput: a backlog of N notices, then the workers drain it.
    const enqueueStarted = Date.now();
    await enqueue(notices);
    const enqueueSeconds = (Date.now() - enqueueStarted) / 1000;
    await Promise.all(Array.from({ length: workerCount }, async () => workers.push(await WorkerProcess.start({ ...env, LOG_LEVEL: 'silent' }))));
    await waitForArrivals(notices * 2);
    const times = [...arrivals.at.values()];
    const drainSeconds = (Math.max(...times) - Math.min(...times)) / 1000;

    // Phase 2, latency: decisions arrive while the workers run; decision → both channels delivered.
    const latencyNotices = Math.min(2000, Math.max(100, Math.floor(notices / 5)));
    const latencyIds = await enqueue(latencyNotices);
    await waitForArrivals((notices + latencyNotices) * 2);
    const latencies = latencyIds
      .map((noticeId) => Math.max(...idsOfNotice.get(noticeId)!.map((id) => arrivals.at.get(id)!)) - decidedAt.get(noticeId)!)
      .sort((a, b) => a - b);

    await Promise.all(workers.map((worker) => worker.stop()));
    const states = await dataSource.getRepository(NoticeDelivery).createQueryBuilder('d').select('d.state', 'state').addSelect('COUNT(*)', 'n').groupBy('d.state').getRawMany();
    process.stdout.write(
      `${kind.padEnd(8)} workers=${workerCount}  enqueue ${(notices / enqueueSeconds).toFixed(0)} notices/s  ` +
        `delivery ${(notices / drainSeconds).toFixed(0)} notices/s (${((notices * 2) / drainSeconds).toFixed(0)} deliveries/s; ${notices} in ${drainSeconds.toFixed(1)} s)  ` +
        `decision→delivery p50 ${percentile(latencies, 50)} ms p95 ${percentile(latencies, 95)} ms (${latencyNotices} notices at the enqueue rate)  ` +
        `duplicates ${arrivals.duplicates}  bad signatures ${arrivals.badSignatures}  ${states.map((row: { state: string; n: string }) => `${row.state}=${row.n}`).join(' ')}\n`,
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.kill()));
    await app?.close();
    await smtp.close();
    await receiver.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const noticesFlag = args.indexOf('--notices');
  const notices = noticesFlag >= 0 ? Number(args[noticesFlag + 1]) : 10_000;
  const configs = args.filter((arg, index) => /^(sqlite|postgres):\d+$/.test(arg) && args[index - 1] !== '--notices');
  const runs = (configs.length ? configs : ['sqlite:1', 'postgres:1', 'postgres:2']).map((config) => config.split(':') as ['sqlite' | 'postgres', string]);
  for (const [kind, workers] of runs) await run(kind, Number(workers), notices);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
