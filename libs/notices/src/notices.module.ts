import { Module } from '@nestjs/common';
import { EmailChannel } from './delivery/email.channel';
import { NoticeDispatcher } from './delivery/notice-dispatcher';
import { WebhookChannel } from './delivery/webhook.channel';
import { NoticeDeliveryRepository } from './notice-delivery.repository';
import { NoticeOutbox } from './notice-outbox';
import { NoticeRepository } from './notice.repository';
import { NoticeDeliveriesController, NoticesController, WebhookTestController } from './notices.controller';
import { ConfigurableModuleClass } from './notices.module-definition';
import { NoticesService } from './notices.service';

/**
 * Notice delivery: the outbox other libs write to (NoticeOutbox.enqueue, inside their transaction), the
 * dispatcher that delivers it by e-mail and signed webhook, and the API over both.
 */
@Module({
  controllers: [NoticeDeliveriesController, NoticesController, WebhookTestController],
  providers: [NoticeRepository, NoticeDeliveryRepository, NoticeOutbox, NoticesService, EmailChannel, WebhookChannel, NoticeDispatcher],
  exports: [NoticeOutbox, NoticesService, NoticeDispatcher],
})
export class NoticesModule extends ConfigurableModuleClass {}
