import { CreateApiKeys1764000200000 } from './1764000200000-create-api-keys';

export const AUTH_MIGRATIONS = [CreateApiKeys1764000200000];
