import { IdempotencyRecord } from './idempotency/idempotency-record.entity';

export const PLATFORM_ENTITIES = [IdempotencyRecord];
