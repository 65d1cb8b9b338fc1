import { NoticeDelivery, NoticeOutbox } from '@verwerker/notices';
import { ManualClock } from '@verwerker/platform';
import { enqueueBreachNotice } from './support/notices';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';
import { WorkerProcess } from './support/worker-process';

/**
 * The worker is a real process, killed with SIGKILL at the worst moments. The API side (this test process)
 * only enqueues and reads; delivery is entirely the child's.
 */
describe('Notice delivery survives a killed worker (real child processes)', () => {
  let sut: TestApp;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let outbox: NoticeOutbox;
  let workerEnv: Record<string, string>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    receiver = await WebhookReceiver.start();
    const env = {
      ALLOW_HTTP_WEBHOOKS: 'true',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'Privacy <privacy@processor.example>',
      SMTP_TIMEOUT_MS: '500',
      NOTICE_WEBHOOK_TIMEOUT_MS: '1000',
      // Short claims so a restarted worker takes over quickly; the timeouts above stay below the lease.
      NOTICE_CLAIM_LEASE_SECONDS: '2',
      NOTICE_POLL_INTERVAL_MS: '100',
      NOTICE_BACKOFF_BASE_SECONDS: '1',
      NOTICE_BACKOFF_MAX_SECONDS: '2',
    };
    // The enqueuing side runs on real time here: the worker children use the system clock.
    sut = await startTestApp({ clock: new ManualClock(new Date()), env: { ...env, NOTICE_DISPATCHER: 'false' } });
    outbox = sut.app.get(NoticeOutbox);
    workerEnv = { ...sut.database.env, ...env, DEMO_DATA: 'false' };
  });
  afterEach(async () => {
    sink.hooks = {};
    await Promise.all(workers.splice(0).map((worker) => worker.kill()));
  });
  afterAll(async () => {
    await sut.close();
    await sink.down();
    await receiver.stop();
  });

  async function startWorker(extra: Record<string, string> = {}): Promise<WorkerProcess> {
    const worker = await WorkerProcess.start({ ...workerEnv, ...extra });
    workers.push(worker);
    return worker;
  }

  async function aClient(): Promise<{ id: string; path: string }> {
    const path = `/hooks/${Math.random().toString(36).slice(2)}`;
    const client = await sut.createClient({ webhookUrl: receiver.url(path) });
    receiver.register(path, client.webhookSecret);
    return { id: client.id, path };
  }

  async function enqueue(clientId: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) ids.push((await enqueueBreachNotice(sut.dataSource, outbox, clientId)).noticeId);
    return ids;
  }

  async function deliveriesOf(clientId: string): Promise<NoticeDelivery[]> {
    return sut.dataSource.getRepository(NoticeDelivery).find({ where: { clientId } });
  }

  async function waitUntilAllSent(clientId: string, timeoutMs = 30_000): Promise<NoticeDelivery[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const deliveries = await deliveriesOf(clientId);
      if (deliveries.every((delivery) => delivery.state === 'sent')) return deliveries;
      if (Date.now() > deadline) throw new Error(`Not all delivered: ${deliveries.map((delivery) => delivery.state).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Every delivery arrived at least once, and whatever arrived twice came with the same message id. */
  function expectEachDeliveredOnlyUnderItsOwnId(deliveries: NoticeDelivery[], client: { path: string }): void {
    const mailIds = sink.messages.map((mail) => mail.messageId);
    const hookIds = receiver.received.filter((hook) => hook.path === client.path && hook.status === 200).map((hook) => hook.id);
    for (const delivery of deliveries) {
      const arrivals = (delivery.channel === 'email' ? mailIds : hookIds).filter((id) => id === delivery.messageId);
      expect([delivery.messageId, arrivals.length > 0]).toEqual([delivery.messageId, true]);
    }
    const known = new Set(deliveries.map((delivery) => delivery.messageId));
    // Nothing arrived under an id this client's deliveries do not have (a retry with a new id would show here).
    expect(hookIds.filter((id) => !known.has(id))).toEqual([]);
    const recipients = new Set(deliveries.filter((delivery) => delivery.channel === 'email').map((delivery) => delivery.recipient));
    const mailsForClient = sink.messages.filter((mail) => recipients.has(mail.to[0]));
    expect(mailsForClient.filter((mail) => !known.has(mail.messageId))).toEqual([]);
  }

  it('(a) killed after claiming, before sending: after restart every notice is delivered, nothing stays in sending', async () => {
    const client = await aClient();
    await enqueue(client.id, 12);
    const first = await startWorker();
    let killed = false;
    sink.hooks.onMailFrom = async () => {
      if (killed) return;
      killed = true;
      await first.kill();
    };
    const mailsBefore = sink.messages.length;
    await first.exited;
    sink.hooks = {};
    const stuck = (await deliveriesOf(client.id)).filter((delivery) => delivery.state === 'sending');
    expect(stuck.length).toBeGreaterThan(0);
    expect(sink.messages.length - mailsBefore).toBeLessThan(12);

    await startWorker();
    const deliveries = await waitUntilAllSent(client.id);
    expect(deliveries).toHaveLength(24);
    expectEachDeliveredOnlyUnderItsOwnId(deliveries, client);
    // The killed claims expired and were taken over: those deliveries took a second attempt.
    expect(deliveries.filter((delivery) => stuck.some((claimed) => claimed.id === delivery.id)).every((delivery) => delivery.attempts >= 2)).toBe(true);
  });

  it('(b) killed after the server has the message but before recording it: delivered again under the same Message-ID', async () => {
    const client = await aClient();
    await enqueue(client.id, 12);
    const first = await startWorker();
    let caught: string | null = null;
    sink.hooks.onMessage = async (mail) => {
      if (caught) return;
      caught = mail.messageId;
      // The whole message is here; the worker dies before it can read our 250 and record "sent".
      await first.kill();
    };
    await first.exited;
    sink.hooks = {};
    expect(caught).not.toBeNull();

    await startWorker();
    const deliveries = await waitUntilAllSent(client.id);
    expect(deliveries).toHaveLength(24);
    expectEachDeliveredOnlyUnderItsOwnId(deliveries, client);
    // The one caught in the crash arrived twice — as the same message, which the receiver can drop.
    expect(sink.messages.filter((mail) => mail.messageId === caught).length).toBeGreaterThanOrEqual(2);
    expect(deliveries.some((delivery) => delivery.state === 'sending')).toBe(false);
  });

  it('two workers on one database deliver every notice exactly once in a run without crashes', async () => {
    const client = await aClient();
    const [one, two] = await Promise.all([
      startWorker({ SMTP_POOL_SIZE: '2', NOTICE_CONCURRENCY: '6', NOTICE_BATCH_SIZE: '6' }),
      startWorker({ SMTP_POOL_SIZE: '2', NOTICE_CONCURRENCY: '6', NOTICE_BATCH_SIZE: '6' }),
    ]);
    const ports = new Set<number>();
    sink.hooks.onMessage = async () => {
      // A little work per message keeps both workers busy at once.
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    sink.onSession = (session) => ports.add(session.remotePort);
    const mailsBefore = sink.messages.length;
    const hooksBefore = receiver.received.length;
    await sut.dataSource.transaction(async (manager) => {
      for (let index = 0; index < 150; index++) {
        await outbox.enqueue(manager, {
          clientId: client.id,
          type: 'subprocessor_change' as never,
          data: { change: 'addition', subprocessorName: `Sub ${index}`, services: ['hosting'], countries: ['NL'], effectiveDate: '2027-01-01', objectionDeadline: '2026-12-31' },
        } as never);
      }
    });
    const deliveries = await waitUntilAllSent(client.id, 60_000);
    expect(deliveries).toHaveLength(300);
    const mailIds = sink.messages.slice(mailsBefore).map((mail) => mail.messageId);
    const hookIds = receiver.received.slice(hooksBefore).map((hook) => hook.id);
    expect(mailIds).toHaveLength(150);
    expect(new Set(mailIds).size).toBe(150);
    expect(hookIds).toHaveLength(150);
    expect(new Set(hookIds).size).toBe(150);
    expect(deliveries.every((delivery) => delivery.attempts === 1)).toBe(true);
    // Each worker keeps at most 2 SMTP connections: more than 2 means both took part.
    expect(ports.size).toBeGreaterThan(2);
    expect(await Promise.all([one.stop(), two.stop()])).toBeDefined();
  });
});
