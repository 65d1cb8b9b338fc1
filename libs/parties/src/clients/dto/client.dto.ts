import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@verwerker/platform';
import { CLIENT_LANGUAGES, CLIENT_STATUSES, ClientLanguage, ClientStatus } from '../client.entity';
import { KVK_NUMBER_PATTERN } from '../rules/kvk-number';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerCaseEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class PrivacyContactDto {
  @ApiProperty({ example: 'Marieke de Vries' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'privacy@bakkerijdevries.nl' })
  @Transform(lowerCaseEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;
}

export class CreateClientDto {
  @ApiProperty({ example: 'Bakkerij de Vries B.V.', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  legalName: string;

  @ApiPropertyOptional({ example: '27124701', description: 'Eight digits. Required when country is NL.' })
  @ValidateIf((dto: CreateClientDto) => dto.country === 'NL' || dto.kvkNumber !== undefined)
  @Matches(KVK_NUMBER_PATTERN, { message: 'kvkNumber must be exactly 8 digits' })
  kvkNumber?: string;

  @ApiProperty({ example: 'NL', description: 'ISO 3166-1 alpha-2 country of establishment.' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as NL' })
  country: string;

  @ApiProperty({ enum: CLIENT_LANGUAGES, example: 'nl', description: 'Language of notices and documents.' })
  @IsIn(CLIENT_LANGUAGES)
  language: ClientLanguage;

  @ApiProperty({ type: PrivacyContactDto })
  @ValidateNested()
  @Type(() => PrivacyContactDto)
  privacyContact: PrivacyContactDto;

  @ApiProperty({ type: [String], example: ['privacy@bakkerijdevries.nl', 'ict@bakkerijdevries.nl'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique((email: unknown) => (typeof email === 'string' ? email.toLowerCase() : email))
  @IsEmail({}, { each: true, message: 'each value in noticeRecipients must be an e-mail address' })
  noticeRecipients: string[];

  @ApiPropertyOptional({ example: 'https://bakkerijdevries.nl/hooks/verwerker', description: 'HTTPS endpoint for signed notices.' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { message: 'webhookUrl must be an https URL' })
  @MaxLength(2000)
  webhookUrl?: string;
}

/** Staff correct any registered field; the status changes only through `end`. */
export class UpdateClientDto extends PartialType(CreateClientDto) {}

/** What a client may change about itself: where its notices go, and in which language. */
export class UpdateClientContactsDto {
  @ApiPropertyOptional({ type: PrivacyContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrivacyContactDto)
  privacyContact?: PrivacyContactDto;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique((email: unknown) => (typeof email === 'string' ? email.toLowerCase() : email))
  @IsEmail({}, { each: true, message: 'each value in noticeRecipients must be an e-mail address' })
  noticeRecipients?: string[];

  @ApiPropertyOptional({ enum: CLIENT_LANGUAGES })
  @IsOptional()
  @IsIn(CLIENT_LANGUAGES)
  language?: ClientLanguage;

  @ApiPropertyOptional({ nullable: true, description: 'null removes the webhook endpoint.' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { message: 'webhookUrl must be an https URL' })
  @MaxLength(2000)
  webhookUrl?: string | null;
}

export class ListClientsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLIENT_STATUSES })
  @IsOptional()
  @IsIn(CLIENT_STATUSES)
  status?: ClientStatus;
}

export class WebhookDto {
  @ApiProperty({ nullable: true, type: String })
  url: string | null;

  @ApiProperty({ description: 'Whether a signing secret is on file (it is never shown again).' })
  secretConfigured: boolean;
}

export class ClientResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  legalName: string;

  @ApiProperty({ nullable: true, type: String })
  kvkNumber: string | null;

  @ApiProperty()
  country: string;

  @ApiProperty({ enum: CLIENT_LANGUAGES })
  language: ClientLanguage;

  @ApiProperty({ type: PrivacyContactDto })
  privacyContact: PrivacyContactDto;

  @ApiProperty({ type: [String] })
  noticeRecipients: string[];

  @ApiProperty({ type: WebhookDto })
  webhook: WebhookDto;

  @ApiProperty({ enum: CLIENT_STATUSES })
  status: ClientStatus;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T03:15:00.000+01:00' })
  endedAt: string | null;

  @ApiProperty({ example: '2026-11-22T03:15:00.000+01:00' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-22T03:15:00.000+01:00' })
  updatedAt: string;
}

export class CreatedClientResponseDto extends ClientResponseDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The webhook signing secret (Standard Webhooks, `whsec_…`). Shown only in this response; null without a webhook URL.',
  })
  webhookSecret: string | null;
}

export class WebhookSecretResponseDto {
  @ApiProperty({ description: 'The new signing secret. Shown only in this response.' })
  webhookSecret: string;
}
