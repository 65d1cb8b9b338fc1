import { formatInstant, formatOptionalInstant } from '@verwerker/platform';
import { ApiKeyResponseDto } from '../dto/api-key.dto';
import { ApiKey } from './api-key.entity';

export function apiKeyLabel(key: Pick<ApiKey, 'prefix'>): string {
  return `vwk_${key.prefix}`;
}

export function toApiKeyResponse(key: ApiKey): ApiKeyResponseDto {
  return {
    id: key.id,
    name: key.name,
    prefix: apiKeyLabel(key),
    role: key.role,
    clientId: key.clientId,
    createdBy: key.createdBy,
    createdAt: formatInstant(key.createdAt),
    lastUsedAt: formatOptionalInstant(key.lastUsedAt),
    revokedAt: formatOptionalInstant(key.revokedAt),
  };
}
