import { Inject, Injectable } from '@nestjs/common';
import { ClientRepository, ProcessorProfileService } from '@verwerker/parties';
import { Clock, NotFoundError, PROCESSOR_SCOPE, ValidationError } from '@verwerker/platform';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Notice } from './notice.entity';
import { NoticeAttachment } from './notice-attachment.entity';
import { DeliveryChannel, NoticeDelivery } from './notice-delivery.entity';
import { NoticeRepository } from './notice.repository';
import { NoticeContent, NoticeType } from './notice-types';
import { NOTICES_MODULE_OPTIONS, NoticesModuleOptions } from './notices.module-definition';
import { renderNoticeTemplate } from './templates/notice-templates';

export interface NoticeAttachmentInput {
  filename: string;
  /** E.g. `application/pdf`. */
  contentType: string;
  content: Buffer;
}

export type EnqueueNoticeInput = NoticeContent & {
  clientId: string;
  attachments?: NoticeAttachmentInput[];
  /** Which channels to use; by default every channel the client has (its notice recipients and its webhook). */
  channels?: DeliveryChannel[];
};

export interface EnqueuedNotice {
  noticeId: string;
  deliveries: Array<{ id: string; channel: DeliveryChannel; recipient: string; messageId: string }>;
}

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * The one way a notice leaves the system. Call `enqueue` inside the transaction of the decision that causes
 * the notice (a breach notified, a sub-processor change announced, an agreement sent): the notice commits or
 * rolls back with the decision, and the dispatcher delivers it afterwards, whatever happens to this process.
 *
 * ```ts
 * await transactions.run(async (manager) => { // TransactionRunner from @verwerker/platform
 *   await breaches.save(breach, manager);
 *   await outbox.enqueue(manager, { clientId, type: NoticeType.BreachNotice, data: {...}, attachments: [pdf] });
 * });
 * ```
 */
@Injectable()
export class NoticeOutbox {
  constructor(
    @Inject(NOTICES_MODULE_OPTIONS) private readonly options: NoticesModuleOptions,
    private readonly notices: NoticeRepository,
    private readonly clients: ClientRepository,
    private readonly profiles: ProcessorProfileService,
    private readonly clock: Clock,
  ) {}

  async enqueue(manager: EntityManager, input: EnqueueNoticeInput): Promise<EnqueuedNotice> {
    const client = await this.clients.findById(PROCESSOR_SCOPE, input.clientId, manager);
    if (!client) throw new NotFoundError('Client', input.clientId);
    this.assertAttachments(input.attachments ?? []);
    const profile = await this.profiles.find(manager);
    const now = this.clock.now();
    const noticeId = randomUUID();
    const content = { type: input.type, data: input.data } as NoticeContent;
    const rendered = renderNoticeTemplate(content, client.language, { processorName: profile?.legalName ?? 'Verwerker', clientName: client.legalName });

    const attachments = (input.attachments ?? []).map((attachment, position) =>
      Object.assign(new NoticeAttachment(), {
        id: randomUUID(),
        noticeId,
        position,
        filename: attachment.filename,
        contentType: attachment.contentType,
        size: attachment.content.length,
        sha256: createHash('sha256').update(attachment.content).digest('hex'),
        contentBase64: attachment.content.toString('base64'),
      } satisfies NoticeAttachment),
    );

    const notice = Object.assign(new Notice(), {
      id: noticeId,
      clientId: client.id,
      type: input.type as NoticeType,
      language: client.language,
      subject: rendered.subject.slice(0, 500),
      textBody: rendered.text,
      htmlBody: rendered.html,
      data: input.data,
      webhookBody: JSON.stringify({
        type: input.type,
        timestamp: now.toISOString(),
        data: {
          noticeId,
          clientId: client.id,
          language: client.language,
          subject: rendered.subject,
          content: input.data,
          attachments: attachments.map((attachment) => ({
            id: attachment.id,
            filename: attachment.filename,
            contentType: attachment.contentType,
            size: attachment.size,
            sha256: attachment.sha256,
            href: `/notices/${noticeId}/attachments/${attachment.id}`,
          })),
        },
      }),
      createdAt: now,
    } satisfies Notice);

    const channels = input.channels ?? ['email', 'webhook'];
    const targets: Array<{ channel: DeliveryChannel; recipient: string }> = [];
    if (channels.includes('email')) for (const address of new Set(client.noticeRecipients)) targets.push({ channel: 'email', recipient: address });
    if (channels.includes('webhook') && client.webhookUrl && client.webhookSecretSealed) targets.push({ channel: 'webhook', recipient: client.webhookUrl });
    if (!targets.length) throw new ValidationError([{ field: 'channels', messages: ['the client has no recipient on the requested channels'] }]);

    const deliveries = targets.map(({ channel, recipient }) => {
      const id = randomUUID();
      return Object.assign(new NoticeDelivery(), {
        id,
        noticeId,
        clientId: client.id,
        noticeType: input.type as NoticeType,
        channel,
        recipient,
        messageId: channel === 'email' ? `<${id}@${this.messageIdDomain()}>` : `msg_${id}`,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        claimToken: null,
        lastAttemptAt: null,
        lastError: null,
        sentAt: null,
        serverResponse: null,
        createdAt: now,
        updatedAt: now,
      } satisfies NoticeDelivery);
    });

    await this.notices.insert(manager, notice, attachments, deliveries);
    return { noticeId, deliveries: deliveries.map(({ id, channel, recipient, messageId }) => ({ id, channel, recipient, messageId })) };
  }

  private messageIdDomain(): string {
    const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(this.options.smtp.from);
    return match?.[1] ?? 'verwerker.local';
  }

  private assertAttachments(attachments: NoticeAttachmentInput[]): void {
    const errors = attachments.flatMap((attachment, index) => {
      const messages: string[] = [];
      if (!attachment.filename || /[\r\n/\\]/.test(attachment.filename)) messages.push('filename must be a plain file name');
      if (!/^[\w.+-]+\/[\w.+-]+$/.test(attachment.contentType)) messages.push('contentType must be a media type such as application/pdf');
      if (!Buffer.isBuffer(attachment.content) || attachment.content.length === 0) messages.push('content must be a non-empty Buffer');
      else if (attachment.content.length > MAX_ATTACHMENT_BYTES) messages.push(`content must be at most ${MAX_ATTACHMENT_BYTES} bytes`);
      return messages.length ? [{ field: `attachments.${index}`, messages }] : [];
    });
    if (errors.length) throw new ValidationError(errors);
  }
}
