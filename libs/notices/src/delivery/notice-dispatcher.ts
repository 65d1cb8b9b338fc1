import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, ClientRepository, ClientsService } from '@verwerker/parties';
import { Clock, PROCESSOR_SCOPE } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { Notice } from '../notice.entity';
import { NoticeAttachment } from '../notice-attachment.entity';
import { NoticeDelivery } from '../notice-delivery.entity';
import { NoticeDeliveryRepository } from '../notice-delivery.repository';
import { NoticeRepository } from '../notice.repository';
import { NOTICES_MODULE_OPTIONS, NoticesModuleOptions } from '../notices.module-definition';
import { backoffDelayMs } from '../rules/backoff';
import { stateAfterFailure } from '../rules/delivery-outcome';
import { ChannelResult, EmailChannel } from './email.channel';
import { WebhookChannel } from './webhook.channel';

interface Job {
  delivery: NoticeDelivery;
  notice: Notice;
  attachments: NoticeAttachment[];
  client: Client | undefined;
  token: string;
}

/**
 * Delivers the outbox. Claims due deliveries in batches (NoticeDeliveryRepository.claimDue: row locks with
 * SKIP LOCKED on PostgreSQL), keeps at most `concurrency` in flight, and records each outcome as soon as it
 * is known, so a slow receiver holds one slot until its timeout while the others keep flowing.
 *
 * At-least-once: a process that dies after sending but before recording leaves the claim to expire, and the
 * delivery is sent again — with the same Message-ID / webhook-id, so the receiver can tell.
 */
@Injectable()
export class NoticeDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NoticeDispatcher.name);
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private refillThreshold = Number.POSITIVE_INFINITY;

  constructor(
    @Inject(NOTICES_MODULE_OPTIONS) private readonly options: NoticesModuleOptions,
    private readonly deliveries: NoticeDeliveryRepository,
    private readonly notices: NoticeRepository,
    private readonly clientRepository: ClientRepository,
    private readonly clients: ClientsService,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.dispatcher.enabled) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    this.logger.log(`Notice dispatcher started (concurrency ${this.options.dispatcher.concurrency})`);
  }

  /** Stops claiming and waits for what is in flight to be recorded: a graceful stop leaves nothing in `sending`. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    this.loop = null;
  }

  /** Delivers everything due now and returns how many attempts it made: for tests and one-off runs. */
  async drain(): Promise<number> {
    let attempts = 0;
    for (;;) {
      const jobs = await this.claim(this.options.dispatcher.batchSize);
      if (!jobs.length) return attempts;
      attempts += jobs.length;
      await Promise.all(jobs.map((job) => this.deliver(job)));
    }
  }

  private async run(): Promise<void> {
    const { concurrency, batchSize, pollIntervalMs } = this.options.dispatcher;
    // Refill once a quarter of the slots are free: one claim query per few deliveries, not one per delivery.
    const refillAt = Math.max(1, Math.min(batchSize, Math.floor(concurrency / 4)));
    while (this.running) {
      const free = concurrency - this.inFlight.size;
      let claimed = 0;
      try {
        if (free > 0) {
          const jobs = await this.claim(Math.min(free, batchSize));
          claimed = jobs.length;
          for (const job of jobs) this.track(this.deliver(job));
        }
      } catch (error) {
        this.logger.error({ err: error }, 'Claiming notice deliveries failed; retrying after the poll interval');
      }
      if (!this.running) break;
      const full = concurrency - this.inFlight.size < refillAt;
      if (claimed === 0 || full) await this.pause(pollIntervalMs, full ? refillAt : null);
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => {
      this.inFlight.delete(tracked);
      if (this.options.dispatcher.concurrency - this.inFlight.size >= this.refillThreshold) this.wake?.();
    });
    this.inFlight.add(tracked);
  }

  /** Waits for the poll interval, or until `slots` are free again (when given), or until stopped. */
  private pause(ms: number, slots: number | null): Promise<void> {
    this.refillThreshold = slots ?? Number.POSITIVE_INFINITY;
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wake = null;
        this.refillThreshold = Number.POSITIVE_INFINITY;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }

  private async claim(limit: number): Promise<Job[]> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.options.dispatcher.claimLeaseSeconds * 1000);
    const token = randomUUID();
    const deliveries = await this.deliveries.claimDue(now, leaseUntil, limit, token);
    if (!deliveries.length) return [];
    const noticeIds = [...new Set(deliveries.map((delivery) => delivery.noticeId))];
    const emailNoticeIds = [...new Set(deliveries.filter((delivery) => delivery.channel === 'email').map((delivery) => delivery.noticeId))];
    const webhookClientIds = [...new Set(deliveries.filter((delivery) => delivery.channel === 'webhook').map((delivery) => delivery.clientId))];
    const [notices, attachments, clients] = await Promise.all([
      this.notices.findByIds(noticeIds),
      this.notices.attachmentsWithContent(emailNoticeIds),
      this.clientRepository.findByIds(PROCESSOR_SCOPE, webhookClientIds),
    ]);
    const noticeById = new Map(notices.map((notice) => [notice.id, notice]));
    const clientById = new Map(clients.map((client) => [client.id, client]));
    return deliveries.map((delivery) => ({
      delivery,
      notice: noticeById.get(delivery.noticeId)!,
      attachments: attachments.filter((attachment) => attachment.noticeId === delivery.noticeId),
      client: clientById.get(delivery.clientId),
      token,
    }));
  }

  private async deliver(job: Job): Promise<void> {
    try {
      const result = await this.attempt(job);
      await this.record(job, result);
    } catch (error) {
      // Recording failed (database gone): the claim expires and another attempt follows. Nothing is lost.
      this.logger.error({ err: error, deliveryId: job.delivery.id }, 'Could not record a notice delivery');
    }
  }

  private async attempt({ delivery, notice, attachments, client, token }: Job): Promise<ChannelResult> {
    if (delivery.channel === 'email') {
      return this.email.send({
        to: delivery.recipient,
        messageId: delivery.messageId,
        subject: notice.subject,
        text: notice.textBody,
        html: notice.htmlBody,
        noticeType: notice.type,
        attachments: attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.contentBase64, 'base64'),
        })),
      });
    }
    const secret = client ? this.clients.webhookSigningSecret(client) : null;
    if (!client?.webhookUrl || !secret) {
      const reason = 'The client no longer has a webhook configured';
      return { verdict: { kind: 'permanent', reason }, response: reason };
    }
    // The client's current endpoint: a client that fixed its URL gets the retry there.
    if (client.webhookUrl !== delivery.recipient) {
      await this.deliveries.updateRecipient(delivery.id, token, client.webhookUrl);
      delivery.recipient = client.webhookUrl;
    }
    return this.webhook.send({ url: client.webhookUrl, secret, messageId: delivery.messageId, body: notice.webhookBody });
  }

  private async record({ delivery, token }: Job, { verdict, response }: ChannelResult): Promise<void> {
    const now = this.clock.now();
    if (verdict.kind === 'delivered') {
      await this.deliveries.recordSent(delivery.id, token, now, response.slice(0, 2000));
      return;
    }
    const { maxAttempts, backoffBaseSeconds, backoffMaxSeconds } = this.options.dispatcher;
    const state = stateAfterFailure(verdict, delivery.attempts, maxAttempts);
    const nextAttemptAt =
      state === 'failed'
        ? new Date(now.getTime() + backoffDelayMs(delivery.attempts, { baseSeconds: backoffBaseSeconds, maxSeconds: backoffMaxSeconds }, Math.random()))
        : null;
    await this.deliveries.recordFailure(delivery.id, token, state, now, nextAttemptAt, verdict.reason);
    if (verdict.kind === 'permanent' && delivery.channel === 'webhook' && response.startsWith('HTTP 410')) {
      await this.deliveries.stopWebhookEndpoint(delivery.recipient, now, verdict.reason);
    }
    if (state === 'dead') this.logger.warn({ deliveryId: delivery.id, channel: delivery.channel, reason: verdict.reason }, 'Notice delivery is dead');
  }
}
