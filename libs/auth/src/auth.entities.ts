import { ApiKey } from './api-keys/api-key.entity';

export const AUTH_ENTITIES = [ApiKey];
