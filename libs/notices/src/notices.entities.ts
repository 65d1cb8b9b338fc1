import { Notice } from './notice.entity';
import { NoticeAttachment } from './notice-attachment.entity';
import { NoticeDelivery } from './notice-delivery.entity';

export const NOTICES_ENTITIES = [Notice, NoticeAttachment, NoticeDelivery];
