import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@verwerker/platform';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DELIVERY_CHANNELS, DELIVERY_STATES, DeliveryChannel, DeliveryState } from '../notice-delivery.entity';
import { NOTICE_TYPES, NoticeType } from '../notice-types';

export class ListDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATES })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @ApiPropertyOptional({ enum: DELIVERY_CHANNELS })
  @IsOptional()
  @IsIn(DELIVERY_CHANNELS)
  channel?: DeliveryChannel;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ enum: NOTICE_TYPES })
  @IsOptional()
  @IsIn(NOTICE_TYPES)
  noticeType?: NoticeType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  noticeId?: string;
}

export class ListNoticesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTICE_TYPES })
  @IsOptional()
  @IsIn(NOTICE_TYPES)
  type?: NoticeType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: one client’s notices. A client credential always sees its own.' })
  @IsOptional()
  @IsUUID()
  clientId?: string;
}

export class NoticeDeliveryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  noticeId: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'Null for an internal notice to staff (a breach deadline alert).' })
  clientId: string | null;

  @ApiProperty({ enum: NOTICE_TYPES })
  noticeType: NoticeType;

  @ApiProperty({ enum: DELIVERY_CHANNELS })
  channel: DeliveryChannel;

  @ApiProperty({ description: 'The e-mail address, or the webhook URL.' })
  recipient: string;

  @ApiProperty({ description: 'The e-mail Message-ID or the webhook-id; the same on every attempt.', example: 'msg_2b0c…' })
  messageId: string;

  @ApiProperty({ enum: DELIVERY_STATES })
  state: DeliveryState;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true, description: 'When the next attempt is due (or the current claim ends); null once sent or dead.' })
  nextAttemptAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastAttemptAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What the receiver answered: the SMTP reply or the HTTP status.' })
  serverResponse: string | null;

  @ApiProperty()
  createdAt: string;
}

export class NoticeChannelDeliveryDto {
  @ApiProperty({ enum: DELIVERY_CHANNELS })
  channel: DeliveryChannel;

  @ApiProperty()
  recipient: string;

  @ApiProperty()
  messageId: string;

  @ApiProperty({ enum: DELIVERY_STATES })
  state: DeliveryState;

  @ApiProperty({ type: String, nullable: true })
  sentAt: string | null;
}

export class NoticeAttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'verwerkersovereenkomst-v3.pdf' })
  filename: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType: string;

  @ApiProperty()
  size: number;

  @ApiProperty({ description: 'SHA-256 of the content, hex.' })
  sha256: string;

  @ApiProperty({ example: '/notices/…/attachments/…' })
  href: string;
}

export class NoticeSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'Null for an internal notice to staff (a breach deadline alert).' })
  clientId: string | null;

  @ApiProperty({ enum: NOTICE_TYPES })
  type: NoticeType;

  @ApiProperty({ enum: ['nl', 'en'] })
  language: 'nl' | 'en';

  @ApiProperty()
  subject: string;

  @ApiProperty({ description: 'When the notice was decided.' })
  createdAt: string;

  @ApiProperty({ type: [NoticeChannelDeliveryDto] })
  deliveries: NoticeChannelDeliveryDto[];

  @ApiProperty({ type: [NoticeAttachmentDto] })
  attachments: NoticeAttachmentDto[];
}

export class NoticeResponseDto extends NoticeSummaryDto {
  @ApiProperty({ description: 'The plain-text body as sent.' })
  text: string;

  @ApiProperty({ description: 'The HTML body as sent.' })
  html: string;

  @ApiProperty({ type: Object, description: 'The data the notice was rendered from.' })
  data: object;
}

export class WebhookPingResponseDto {
  @ApiProperty({ example: 'msg_test_…' })
  messageId: string;

  @ApiProperty({ description: 'Whether the receiver answered 2xx.' })
  delivered: boolean;

  @ApiProperty({ example: 'HTTP 200' })
  response: string;
}
