import { CreateIdempotencyRecords1764000000000 } from './1764000000000-create-idempotency-records';

export const PLATFORM_MIGRATIONS = [CreateIdempotencyRecords1764000000000];
