import { formatInstant, formatOptionalInstant } from '@verwerker/platform';
import { Client } from './client.entity';
import { ClientResponseDto } from './dto/client.dto';

export function toClientResponse(client: Client): ClientResponseDto {
  return {
    id: client.id,
    legalName: client.legalName,
    kvkNumber: client.kvkNumber,
    country: client.country,
    language: client.language,
    privacyContact: { name: client.privacyContactName, email: client.privacyContactEmail },
    noticeRecipients: client.noticeRecipients,
    webhook: { url: client.webhookUrl, secretConfigured: client.webhookSecretSealed !== null },
    status: client.status,
    endedAt: formatOptionalInstant(client.endedAt),
    createdAt: formatInstant(client.createdAt),
    updatedAt: formatInstant(client.updatedAt),
  };
}
