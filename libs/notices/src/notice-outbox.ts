import { Inject, Injectable } from '@nestjs/common';
import { ClientRepository, ProcessorProfileService } from '@verwerker/parties';
import { Clock, NotFoundError, PROCESSOR_SCOPE, ValidationError } from '@verwerker/platform';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Notice } from './notice.entity';
import { NoticeAttachment } from './notice-attachment.entity';
import { DeliveryChannel, NoticeDelivery } from './notice-delivery.entity';
import { NoticeRepository } from './notice.repository';
import { INTERNAL_NOTICE_TYPES, NoticeContent, NoticeType } from './notice-types';
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

/** An internal notice: explicit e-mail recipients (staff), the language to write it in, no client. */
export type EnqueueInternalNoticeInput = Extract<NoticeContent, { type: NoticeType.BreachDeadlineAlert }> & {
  recipients: string[];
  language: 'nl' | 'en';
  attachments?: NoticeAttachmentInput[];
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
    const [enqueued] = await this.enqueueMany(manager, [input]);
    return enqueued;
  }

  /**
   * The batch form, for a decision that notifies many clients at once (a sub-processor's breach touching
   * thousands): one read of the clients and the profile, chunked multi-row inserts. All or nothing, like
   * `enqueue`: a client without a recipient fails the whole batch (and the caller's transaction).
   */
  async enqueueMany(manager: EntityManager, inputs: readonly EnqueueNoticeInput[]): Promise<EnqueuedNotice[]> {
    if (!inputs.length) return [];
    const clients = new Map((await this.clients.findByIds(PROCESSOR_SCOPE, [...new Set(inputs.map((input) => input.clientId))], manager)).map((client) => [client.id, client]));
    const profile = await this.profiles.find(manager);
    const now = this.clock.now();
    const built = inputs.map((input, index) => {
      const client = clients.get(input.clientId);
      if (!client) throw new NotFoundError('Client', input.clientId);
      this.assertAttachments(input.attachments ?? []);
      const channels = input.channels ?? ['email', 'webhook'];
      const targets: Array<{ channel: DeliveryChannel; recipient: string }> = [];
      if (channels.includes('email')) for (const address of new Set(client.noticeRecipients)) targets.push({ channel: 'email', recipient: address });
      if (channels.includes('webhook') && client.webhookUrl && client.webhookSecretSealed) targets.push({ channel: 'webhook', recipient: client.webhookUrl });
      if (!targets.length) {
        throw new ValidationError([{ field: inputs.length > 1 ? `${index}.channels` : 'channels', messages: ['the client has no recipient on the requested channels'] }]);
      }
      return this.build(input, client.id, client.language, { processorName: profile?.legalName ?? 'Verwerker', clientName: client.legalName }, targets, input.attachments ?? [], now);
    });
    await this.notices.insertMany(manager, built.map((b) => b.notice), built.flatMap((b) => b.attachments), built.flatMap((b) => b.deliveries));
    return built.map((b) => b.result);
  }

  /**
   * An internal notice to named staff (the incident handler, the DPO): e-mail only, no client, so no client
   * ever sees it. Only the types in `INTERNAL_NOTICE_TYPES`.
   */
  async enqueueInternal(manager: EntityManager, input: EnqueueInternalNoticeInput): Promise<EnqueuedNotice> {
    if (!INTERNAL_NOTICE_TYPES.includes(input.type)) throw new ValidationError([{ field: 'type', messages: [`${input.type} is not an internal notice type`] }]);
    const recipients = [...new Set(input.recipients.map((recipient) => recipient.trim()).filter(Boolean))];
    if (!recipients.length || recipients.some((recipient) => !/^[^@\s<>]+@[^@\s<>]+$/.test(recipient))) {
      throw new ValidationError([{ field: 'recipients', messages: ['recipients must be one or more e-mail addresses'] }]);
    }
    this.assertAttachments(input.attachments ?? []);
    const profile = await this.profiles.find(manager);
    const processorName = profile?.legalName ?? 'Verwerker';
    const built = this.build(input, null, input.language, { processorName, clientName: processorName }, recipients.map((recipient) => ({ channel: 'email' as const, recipient })), input.attachments ?? [], this.clock.now());
    await this.notices.insertMany(manager, [built.notice], built.attachments, built.deliveries);
    return built.result;
  }

  private build(
    input: NoticeContent,
    clientId: string | null,
    language: 'nl' | 'en',
    context: { processorName: string; clientName: string },
    targets: Array<{ channel: DeliveryChannel; recipient: string }>,
    attachmentInputs: NoticeAttachmentInput[],
    now: Date,
  ): { notice: Notice; attachments: NoticeAttachment[]; deliveries: NoticeDelivery[]; result: EnqueuedNotice } {
    const noticeId = randomUUID();
    const content = { type: input.type, data: input.data } as NoticeContent;
    const rendered = renderNoticeTemplate(content, language, context);

    const attachments = attachmentInputs.map((attachment, position) =>
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
      clientId,
      type: input.type as NoticeType,
      language,
      subject: rendered.subject.slice(0, 500),
      textBody: rendered.text,
      htmlBody: rendered.html,
      data: input.data,
      webhookBody: JSON.stringify({
        type: input.type,
        timestamp: now.toISOString(),
        data: {
          noticeId,
          clientId,
          language,
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

    const deliveries = targets.map(({ channel, recipient }) => {
      const id = randomUUID();
      return Object.assign(new NoticeDelivery(), {
        id,
        noticeId,
        clientId,
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
    return { notice, attachments, deliveries, result: { noticeId, deliveries: deliveries.map(({ id, channel, recipient, messageId }) => ({ id, channel, recipient, messageId })) } };
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
