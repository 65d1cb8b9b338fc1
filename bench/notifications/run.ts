/**
 * Notice delivery benchmark: N notices (one e-mail with a small PDF and one signed webhook each) through the
 * outbox to loopback receivers. On PostgreSQL real worker processes deliver (`apps/api/src/worker.ts`); on
 * SQLite the API's own dispatcher does, as the README prescribes (one process writes the file). The receivers
 * run in a process of their own (`receivers.ts`), so their work is not counted as the product's.
 *
 *   npm run bench:notifications                       # SQLite in-process, PostgreSQL 1 and 2 workers
 *   npm run bench:notifications -- postgres:2 --notices 2000
 *   npm run bench:notifications -- postgres:1 --cpu-prof /tmp/profiles   # CPU profiles of the workers
 *
 * Prints the enqueue rate (one notice per transaction, as a decision would write it), the delivery rate
 * (notices with both channels delivered, per second, from the first arrival to the last), p50/p95 from
 * decision to delivery (the later of the two arrivals) and the CPU the delivering processes used per notice.
 * Every webhook signature is verified.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { NoticeDelivery, NoticeDispatcher, NoticeOutbox, NoticeType } from '@verwerker/notices';
import { generateApiKeyToken } from '@verwerker/auth';
import { TransactionRunner } from '@verwerker/platform';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/app.setup';
import { loadConfiguration } from '../../apps/api/src/config/configuration';
import { createTestDatabase, TestDatabase } from '../../apps/api/test/support/test-database';
import { TINY_PDF } from '../../apps/api/test/support/notices';
import { WorkerProcess } from '../../apps/api/test/support/worker-process';
import { ReceiverProcess } from './receivers';

/** CPU time (user + system) a process has used, in ms, from /proc on Linux; null elsewhere. */
function cpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** What delivers the notices, started once the backlog is written. */
interface Deliverers {
  /** CPU the delivering processes have used, in ms (null where it cannot be read). */
  cpuMs(): number | null;
  /** The graceful stop: what is in flight is delivered and recorded. */
  stop(): Promise<void>;
  kill(): Promise<void>;
}

async function startWorkers(count: number, env: Record<string, string>, nodeArguments: string[]): Promise<Deliverers> {
  const workers = await Promise.all(Array.from({ length: count }, () => WorkerProcess.start({ ...env, LOG_LEVEL: 'silent' }, 30_000, nodeArguments)));
  const sum = (values: Array<number | null>): number | null => (values.includes(null) ? null : values.reduce<number>((total, value) => total + value!, 0));
  return {
    cpuMs: () => sum(workers.map((worker) => cpuMs(worker.pid))),
    stop: async () => void (await Promise.all(workers.map((worker) => worker.stop()))),
    kill: async () => void (await Promise.all(workers.map((worker) => worker.kill()))),
  };
}

/** SQLite: the API process's own dispatcher (its CPU then includes the API's share of the run). */
function startInProcess(app: INestApplication): Deliverers {
  const dispatcher = app.get(NoticeDispatcher);
  dispatcher.start();
  const processCpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  return { cpuMs: processCpuMs, stop: () => dispatcher.stop(), kill: () => dispatcher.stop() };
}

interface Options {
  notices: number;
  /** Where the workers write CPU profiles (`--cpu-prof`), if anywhere. */
  profileDir: string | null;
}

async function run(kind: 'sqlite' | 'postgres', workerCount: number, { notices, profileDir }: Options): Promise<void> {
  const receivers = await ReceiverProcess.start();
  const database: TestDatabase = await createTestDatabase(kind);
  const env: Record<string, string> = {
    ...database.env,
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    ALLOW_HTTP_WEBHOOKS: 'true',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(receivers.smtpPort),
    SMTP_FROM: 'Privacy <privacy@processor.example>',
    SMTP_POOL_SIZE: '5',
    NOTICE_CONCURRENCY: '64',
    NOTICE_BATCH_SIZE: '32',
    NOTICE_POLL_INTERVAL_MS: '100',
  };
  let app: INestApplication | null = null;
  const adminKey = generateApiKeyToken().token;
  let deliverers: Deliverers | null = null;
  try {
    // The API creates the clients over HTTP, as a control panel would. Its dispatcher stays off until the
    // backlog is written (on SQLite it then delivers; on PostgreSQL the workers do).
    const apiEnv = { ...env, NOTICE_DISPATCHER: 'false', BOOTSTRAP_ADMIN_KEY: adminKey, LOG_LEVEL: 'silent' };
    app = await NestFactory.create(AppModule.forRoot(apiEnv), { logger: ['error'] });
    configureApp(app, loadConfiguration(apiEnv));
    await app.listen(0, '127.0.0.1');
    const api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const outbox = app.get(NoticeOutbox);
    const transactions = app.get(TransactionRunner);
    const dataSource = app.get(DataSource);
    const clientIds: string[] = [];
    const secrets: Array<[path: string, secret: string]> = [];
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
          webhookUrl: `http://127.0.0.1:${receivers.webhookPort}${path}`,
        }),
      });
      const client = (await response.json()) as { id: string; webhookSecret: string };
      if (response.status !== 201) throw new Error(`creating a client failed: ${response.status} ${JSON.stringify(client)}`);
      secrets.push([path, client.webhookSecret]);
      clientIds.push(client.id);
    }
    await receivers.register(secrets);
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
            const enqueued = await transactions.run((manager) =>
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
      for (let arrived = await receivers.count(); arrived < total; arrived = await receivers.count()) {
        if (Date.now() > deadline) throw new Error(`timed out with ${arrived} of ${total} deliveries`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    // Phase 1, throughput: a backlog of N notices, then the workers drain it.
    const enqueueStarted = Date.now();
    await enqueue(notices);
    const enqueueSeconds = (Date.now() - enqueueStarted) / 1000;
    const nodeArguments = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    deliverers = kind === 'sqlite' ? startInProcess(app) : await startWorkers(workerCount, env, nodeArguments);
    const cpuAtStart = deliverers.cpuMs();
    await waitForArrivals(notices * 2);
    const times = (await receivers.report()).arrivals.map(([, at]) => at);
    const drainSeconds = (Math.max(...times) - Math.min(...times)) / 1000;

    // Phase 2, latency: decisions arrive while the workers run; decision → both channels delivered.
    const latencyNotices = Math.min(2000, Math.max(100, Math.floor(notices / 5)));
    const latencyIds = await enqueue(latencyNotices);
    await waitForArrivals((notices + latencyNotices) * 2);
    const arrivals = await receivers.report();
    const arrivedAt = new Map(arrivals.arrivals);
    const latencies = latencyIds
      .map((noticeId) => Math.max(...idsOfNotice.get(noticeId)!.map((id) => arrivedAt.get(id)!)) - decidedAt.get(noticeId)!)
      .sort((a, b) => a - b);

    const cpuAtEnd = deliverers.cpuMs();
    const cpuPerNotice = cpuAtStart === null || cpuAtEnd === null ? 'n/a' : ((cpuAtEnd - cpuAtStart) / (notices + latencyNotices)).toFixed(2);
    await deliverers.stop();
    const states = await dataSource.getRepository(NoticeDelivery).createQueryBuilder('d').select('d.state', 'state').addSelect('COUNT(*)', 'n').groupBy('d.state').getRawMany();
    process.stdout.write(
      `${kind.padEnd(8)} ${kind === 'sqlite' ? 'in-process' : `workers=${workerCount}`}  enqueue ${(notices / enqueueSeconds).toFixed(0)} notices/s  ` +
        `delivery ${(notices / drainSeconds).toFixed(0)} notices/s (${((notices * 2) / drainSeconds).toFixed(0)} deliveries/s; ${notices} in ${drainSeconds.toFixed(1)} s)  ` +
        `decision→delivery p50 ${percentile(latencies, 50)} ms p95 ${percentile(latencies, 95)} ms (${latencyNotices} notices at the enqueue rate)  ` +
        `${kind === 'sqlite' ? 'API process' : 'worker'} CPU ${cpuPerNotice} ms/notice  ` +
        `duplicates ${arrivals.duplicates}  bad signatures ${arrivals.badSignatures}  ${states.map((row: { state: string; n: string }) => `${row.state}=${row.n}`).join(' ')}\n`,
    );
  } finally {
    await deliverers?.kill();
    await app?.close();
    await receivers.stop();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string): string | null => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
  const options: Options = { notices: Number(flag('--notices') ?? 10_000), profileDir: flag('--cpu-prof') };
  const configs = args.filter((arg) => /^(sqlite|postgres):\d+$/.test(arg));
  // SQLite has one dispatcher, in the API process: `sqlite:1` is the only SQLite configuration.
  const runs = (configs.length ? configs : ['sqlite:1', 'postgres:1', 'postgres:2']).map((config) => config.split(':') as ['sqlite' | 'postgres', string]);
  if (runs.some(([kind, workers]) => kind === 'sqlite' && workers !== '1')) throw new Error('SQLite has one in-process dispatcher: use sqlite:1');
  for (const [kind, workers] of runs) await run(kind, Number(workers), options);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
