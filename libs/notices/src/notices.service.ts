import { Injectable } from '@nestjs/common';
import { ClientRepository, ClientsService } from '@verwerker/parties';
import { Clock, TransactionRunner, InvalidStateError, NotFoundError, Page, PageRequest, TenantScope, ValidationError } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { WebhookChannel } from './delivery/webhook.channel';
import { Notice } from './notice.entity';
import { NoticeAttachment } from './notice-attachment.entity';
import { NoticeDelivery } from './notice-delivery.entity';
import { DeliveryFilter, NoticeDeliveryRepository } from './notice-delivery.repository';
import { NoticeFilter, NoticeRepository } from './notice.repository';

export interface NoticeWithDetails {
  notice: Notice;
  deliveries: NoticeDelivery[];
  attachments: Omit<NoticeAttachment, 'contentBase64'>[];
}

export interface WebhookPingResult {
  messageId: string;
  delivered: boolean;
  response: string;
}

/** The notices API's use cases: staff watch and resend deliveries, a client reads its own inbox. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notices: NoticeRepository,
    private readonly deliveries: NoticeDeliveryRepository,
    private readonly clientRepository: ClientRepository,
    private readonly clients: ClientsService,
    private readonly webhook: WebhookChannel,
    private readonly clock: Clock,
  ) {}

  listDeliveries(scope: TenantScope, filter: DeliveryFilter, page: PageRequest): Promise<Page<NoticeDelivery>> {
    return this.deliveries.list(scope, filter, page);
  }

  async getDelivery(scope: TenantScope, id: string): Promise<NoticeDelivery> {
    const delivery = await this.deliveries.findById(scope, id);
    if (!delivery) throw new NotFoundError('Notice delivery', id);
    return delivery;
  }

  /**
   * A dead delivery goes back to the queue with a fresh set of attempts — e.g. after the client fixed its
   * mailbox or endpoint. Its message id stays, so a receiver that did get it can still drop the repeat.
   */
  async resend(scope: TenantScope, id: string): Promise<NoticeDelivery> {
    return this.transactions.run(async (manager) => {
      const delivery = await this.deliveries.findById(scope, id, manager);
      if (!delivery) throw new NotFoundError('Notice delivery', id);
      if (delivery.state !== 'dead') throw new InvalidStateError(`Only a dead delivery can be resent; this one is ${delivery.state}.`);
      const now = this.clock.now();
      Object.assign(delivery, { state: 'pending', attempts: 0, nextAttemptAt: now, claimToken: null, updatedAt: now });
      return this.deliveries.save(delivery, manager);
    });
  }

  async listNotices(scope: TenantScope, filter: NoticeFilter & { clientId?: string }, page: PageRequest): Promise<Page<NoticeWithDetails>> {
    const notices = await this.notices.list(scope, filter, page);
    return { items: await this.withDetails(notices.items), nextCursor: notices.nextCursor };
  }

  async getNotice(scope: TenantScope, id: string): Promise<NoticeWithDetails> {
    const notice = await this.notices.findById(scope, id);
    if (!notice) throw new NotFoundError('Notice', id);
    return (await this.withDetails([notice]))[0];
  }

  async getAttachment(scope: TenantScope, noticeId: string, attachmentId: string): Promise<NoticeAttachment> {
    const attachment = await this.notices.findAttachment(scope, noticeId, attachmentId);
    if (!attachment) throw new NotFoundError('Attachment', attachmentId);
    return attachment;
  }

  /**
   * Sends a signed test event to the client's webhook now and says what the receiver answered, so a client
   * can check its signature verification before a real notice depends on it. Not queued, not retried.
   */
  async pingWebhook(scope: TenantScope, clientId: string): Promise<WebhookPingResult> {
    const client = await this.clientRepository.findById(scope, clientId);
    if (!client) throw new NotFoundError('Client', clientId);
    const secret = this.clients.webhookSigningSecret(client);
    if (!client.webhookUrl || !secret) throw new ValidationError([{ field: 'webhookUrl', messages: ['the client has no webhook configured'] }]);
    const messageId = `msg_test_${randomUUID()}`;
    const body = JSON.stringify({ type: 'webhook.test', timestamp: this.clock.now().toISOString(), data: { clientId: client.id } });
    const result = await this.webhook.send({ url: client.webhookUrl, secret, messageId, body });
    return { messageId, delivered: result.verdict.kind === 'delivered', response: result.response };
  }

  private async withDetails(notices: Notice[]): Promise<NoticeWithDetails[]> {
    const ids = notices.map((notice) => notice.id);
    const [deliveries, attachments] = await Promise.all([this.deliveries.ofNotices(ids), this.notices.attachmentsOf(ids)]);
    return notices.map((notice) => ({
      notice,
      deliveries: deliveries.filter((delivery) => delivery.noticeId === notice.id),
      attachments: attachments.filter((attachment) => attachment.noticeId === notice.id),
    }));
  }
}
