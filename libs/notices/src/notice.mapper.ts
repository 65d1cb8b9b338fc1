import { formatInstant, formatOptionalInstant } from '@verwerker/platform';
import { NoticeDeliveryResponseDto, NoticeResponseDto, NoticeSummaryDto } from './dto/notice.dto';
import { NoticeDelivery } from './notice-delivery.entity';
import { NoticeWithDetails } from './notices.service';

export function toNoticeDeliveryResponse(delivery: NoticeDelivery): NoticeDeliveryResponseDto {
  return {
    id: delivery.id,
    noticeId: delivery.noticeId,
    clientId: delivery.clientId,
    noticeType: delivery.noticeType,
    channel: delivery.channel,
    recipient: delivery.recipient,
    messageId: delivery.messageId,
    state: delivery.state,
    attempts: delivery.attempts,
    nextAttemptAt: formatOptionalInstant(delivery.nextAttemptAt),
    lastAttemptAt: formatOptionalInstant(delivery.lastAttemptAt),
    lastError: delivery.lastError,
    sentAt: formatOptionalInstant(delivery.sentAt),
    serverResponse: delivery.serverResponse,
    createdAt: formatInstant(delivery.createdAt),
  };
}

export function toNoticeSummary({ notice, deliveries, attachments }: NoticeWithDetails): NoticeSummaryDto {
  return {
    id: notice.id,
    clientId: notice.clientId,
    type: notice.type,
    language: notice.language,
    subject: notice.subject,
    createdAt: formatInstant(notice.createdAt),
    deliveries: deliveries.map((delivery) => ({
      channel: delivery.channel,
      recipient: delivery.recipient,
      messageId: delivery.messageId,
      state: delivery.state,
      sentAt: formatOptionalInstant(delivery.sentAt),
    })),
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      href: `/notices/${notice.id}/attachments/${attachment.id}`,
    })),
  };
}

export function toNoticeResponse(details: NoticeWithDetails): NoticeResponseDto {
  return { ...toNoticeSummary(details), text: details.notice.textBody, html: details.notice.htmlBody, data: details.notice.data };
}
