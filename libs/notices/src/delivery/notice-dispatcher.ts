import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ClientRepository, ClientsService } from '@verwerker/parties';
import { Clock, PROCESSOR_SCOPE } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { Notice } from '../notice.entity';
import { NoticeAttachment } from '../notice-attachment.entity';
import { NoticeDelivery } from '../notice-delivery.entity';
import { DeliveryOutcome, NoticeDeliveryRepository } from '../notice-delivery.repository';
import { NoticeRepository } from '../notice.repository';
import { NOTICES_MODULE_OPTIONS, NoticesModuleOptions } from '../notices.module-definition';
import { backoffDelayMs } from '../rules/backoff';
import { stateAfterFailure } from '../rules/delivery-outcome';
import { ChannelResult, EmailChannel, OutgoingAttachment } from './email.channel';
import { OutcomeBatcher } from './outcome-batcher';
import { WebhookChannel } from './webhook.channel';

/** The client's webhook as it is now: a client that fixed its URL gets the retry there. */
interface WebhookTarget {
  url: string;
  secret: string;
}

interface Job {
  delivery: NoticeDelivery;
  notice: Notice;
  /** Decoded once per claim and shared by the notice's e-mails. */
  attachments: OutgoingAttachment[];
  /** For a webhook delivery; null when the client no longer has a webhook, an Error if its secret would not unseal. */
  webhook: WebhookTarget | Error | null;
  token: string;
}

/**
 * How long a finished delivery waits for others to be recorded with it: long enough to gather a batch at
 * full speed, short against the seconds a notice may take to arrive.
 */
const RECORD_LINGER_MS = 10;

/**
 * Delivers the outbox. Claims due deliveries in batches (NoticeDeliveryRepository.claimDue: row locks with
 * SKIP LOCKED on PostgreSQL), keeps at most `concurrency` in flight, and records outcomes within milliseconds
 * of knowing them, a few per statement (OutcomeBatcher), so a slow receiver holds one slot until its timeout
 * while the others keep flowing.
 *
 * At-least-once: a process that dies after sending but before recording leaves the claim to expire, and the
 * delivery is sent again — with the same Message-ID / webhook-id, so the receiver can tell.
 */
@Injectable()
export class NoticeDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NoticeDispatcher.name);
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private refillThreshold = Number.POSITIVE_INFINITY;
  private readonly outcomes: OutcomeBatcher;

  constructor(
    @Inject(NOTICES_MODULE_OPTIONS) private readonly options: NoticesModuleOptions,
    private readonly deliveries: NoticeDeliveryRepository,
    private readonly notices: NoticeRepository,
    private readonly clientRepository: ClientRepository,
    private readonly clients: ClientsService,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    private readonly clock: Clock,
  ) {
    this.outcomes = new OutcomeBatcher((outcomes) => this.deliveries.recordOutcomes(outcomes), options.dispatcher.batchSize, RECORD_LINGER_MS);
  }

  onApplicationBootstrap(): void {
    if (this.options.dispatcher.enabled) this.start();
  }

  /**
   * Before, not on, application shutdown: the channels close their connections and TypeORM its pool on
   * shutdown, and what is in flight needs both to finish and be recorded.
   */
  async beforeApplicationShutdown(): Promise<void> {
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
    const [notices, attachments, webhooks] = await Promise.all([
      this.notices.findByIds(distinct(deliveries.map((delivery) => delivery.noticeId))),
      this.attachmentsByNotice(deliveries.filter((delivery) => delivery.channel === 'email')),
      this.webhookTargets(deliveries.filter((delivery) => delivery.channel === 'webhook')),
    ]);
    const noticeById = new Map(notices.map((notice) => [notice.id, notice]));
    return deliveries.map((delivery) => ({
      delivery,
      notice: noticeById.get(delivery.noticeId)!,
      attachments: attachments.get(delivery.noticeId) ?? [],
      webhook: delivery.clientId === null ? null : (webhooks.get(delivery.clientId) ?? null),
      token,
    }));
  }

  private async attachmentsByNotice(emails: NoticeDelivery[]): Promise<Map<string, OutgoingAttachment[]>> {
    const byNotice = new Map<string, OutgoingAttachment[]>();
    for (const attachment of await this.notices.attachmentsWithContent(distinct(emails.map((delivery) => delivery.noticeId)))) {
      const list = byNotice.get(attachment.noticeId) ?? [];
      list.push(toOutgoingAttachment(attachment));
      byNotice.set(attachment.noticeId, list);
    }
    return byNotice;
  }

  /** Each client's current webhook, with its secret unsealed once per claim rather than once per delivery. */
  private async webhookTargets(webhooks: NoticeDelivery[]): Promise<Map<string, WebhookTarget | Error>> {
    const clients = await this.clientRepository.findByIds(PROCESSOR_SCOPE, distinct(webhooks.flatMap((delivery) => (delivery.clientId === null ? [] : [delivery.clientId]))));
    const targets = new Map<string, WebhookTarget | Error>();
    for (const client of clients) {
      if (!client.webhookUrl) continue;
      try {
        const secret = this.clients.webhookSigningSecret(client);
        if (secret) targets.set(client.id, { url: client.webhookUrl, secret });
      } catch (error) {
        // A secret that will not unseal fails only that client's deliveries (see attempt), not the whole claim.
        targets.set(client.id, error instanceof Error ? error : new Error(String(error)));
      }
    }
    return targets;
  }

  private async deliver(job: Job): Promise<void> {
    try {
      const outcome = this.outcomeOf(job, await this.attempt(job));
      await this.outcomes.record(outcome);
      await this.afterRecorded(job, outcome);
    } catch (error) {
      // Not attempted or not recorded (a secret that will not unseal, the database gone): the claim expires
      // and another attempt follows. Nothing is lost.
      this.logger.error({ err: error, deliveryId: job.delivery.id }, 'Could not record a notice delivery');
    }
  }

  private attempt({ delivery, notice, attachments, webhook }: Job): Promise<ChannelResult> {
    if (delivery.channel === 'email') {
      return this.email.send({
        to: delivery.recipient,
        messageId: delivery.messageId,
        subject: notice.subject,
        text: notice.textBody,
        html: notice.htmlBody,
        noticeType: notice.type,
        attachments,
      });
    }
    if (webhook instanceof Error) throw webhook;
    if (!webhook) {
      const reason = 'The client no longer has a webhook configured';
      return Promise.resolve({ verdict: { kind: 'permanent', reason }, response: reason });
    }
    return this.webhook.send({ url: webhook.url, secret: webhook.secret, messageId: delivery.messageId, body: notice.webhookBody });
  }

  private outcomeOf({ delivery, webhook, token }: Job, { verdict, response }: ChannelResult): DeliveryOutcome {
    const at = this.clock.now();
    const recipient = webhook && !(webhook instanceof Error) ? webhook.url : delivery.recipient;
    const recorded = { id: delivery.id, token, recipient, at };
    if (verdict.kind === 'delivered') return { ...recorded, state: 'sent', serverResponse: response.slice(0, 2000), error: null };
    const { maxAttempts, backoffBaseSeconds, backoffMaxSeconds } = this.options.dispatcher;
    const error = verdict.reason.slice(0, 2000);
    if (stateAfterFailure(verdict, delivery.attempts, maxAttempts) === 'dead') return { ...recorded, state: 'dead', serverResponse: null, error };
    const delayMs = backoffDelayMs(delivery.attempts, { baseSeconds: backoffBaseSeconds, maxSeconds: backoffMaxSeconds }, Math.random());
    return { ...recorded, state: 'failed', nextAttemptAt: new Date(at.getTime() + delayMs), serverResponse: null, error };
  }

  private async afterRecorded({ delivery }: Job, outcome: DeliveryOutcome): Promise<void> {
    if (outcome.state !== 'dead') return;
    // 410 Gone: the receiver asked us to stop, so the endpoint's other open deliveries are dead too.
    if (delivery.channel === 'webhook' && outcome.error.startsWith('HTTP 410')) {
      await this.deliveries.stopWebhookEndpoint(outcome.recipient, outcome.at, outcome.error);
    }
    this.logger.warn({ deliveryId: delivery.id, channel: delivery.channel, reason: outcome.error }, 'Notice delivery is dead');
  }
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function toOutgoingAttachment(attachment: NoticeAttachment): OutgoingAttachment {
  return { filename: attachment.filename, contentType: attachment.contentType, content: Buffer.from(attachment.contentBase64, 'base64') };
}
