import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsIP,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ACCESS_ACTIONS, AccessAction } from '../access-entry.entity';
import { ACCESS_FLAG_NAME_LIST, AccessFlagName } from '../rules/access-flags';
import { MAX_BATCH_SIZE } from '../access-entry.validator';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * The documented shape of an access entry. Ingestion validates with the compiled schema in
 * access-entry.validator.ts (same rules, tested to refuse what this DTO refuses); these classes describe it
 * in OpenAPI.
 */
export class StaffMemberDto {
  @ApiProperty({ example: 'emp-0042', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  id: string;

  @ApiProperty({ example: 'Jan Jansen', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;
}

export class AccessEntryDto {
  @ApiProperty({ example: 'panel-evt-2026-11-22-000123', maxLength: 200, description: 'The panel’s own event id; a re-sent entry with the same id adds nothing.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalEventId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  clientId: string;

  @ApiProperty({ type: StaffMemberDto })
  @ValidateNested()
  @Type(() => StaffMemberDto)
  staffMember: StaffMemberDto;

  @ApiProperty({ example: 'www.bakkerijdevries.nl (WordPress admin)', maxLength: 255 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  system: string;

  @ApiProperty({ enum: ACCESS_ACTIONS })
  @IsIn(ACCESS_ACTIONS)
  action: AccessAction;

  @ApiProperty({ example: '2026-11-22T10:15:00+01:00', description: 'ISO 8601 with offset.' })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'startedAt must be an ISO 8601 date-time with offset' })
  startedAt: string;

  @ApiPropertyOptional({ example: '2026-11-22T10:40:00+01:00', nullable: true, type: String })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'endedAt must be an ISO 8601 date-time with offset' })
  endedAt?: string | null;

  @ApiPropertyOptional({ example: 'TICKET-4711', nullable: true, type: String, description: 'Ticket or request reference.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string | null;

  @ApiPropertyOptional({ example: '203.0.113.24', nullable: true, type: String })
  @IsOptional()
  @IsIP()
  sourceIp?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sessionId?: string | null;
}

export class AccessEntryBatchDto {
  @ApiProperty({ type: [AccessEntryDto], minItems: 1, maxItems: MAX_BATCH_SIZE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @ValidateNested({ each: true })
  @Type(() => AccessEntryDto)
  entries: AccessEntryDto[];
}

export class IngestResultDto {
  @ApiProperty({ description: 'Entries added to the log.' })
  accepted: number;

  @ApiProperty({ description: 'Entries whose externalEventId was already in the log (nothing written for them).' })
  duplicates: number;

  @ApiProperty({ nullable: true, type: Number, description: 'Chain position of the first added entry.' })
  firstSeq: number | null;

  @ApiProperty({ nullable: true, type: Number })
  lastSeq: number | null;
}

export class AccessEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() seq: number;
  @ApiProperty() externalEventId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: StaffMemberDto, nullable: true, description: 'null once purged after the retention period.' }) staffMember: StaffMemberDto | null;
  @ApiProperty() system: string;
  @ApiProperty({ enum: ACCESS_ACTIONS }) action: AccessAction;
  @ApiProperty() startedAt: string;
  @ApiProperty({ nullable: true, type: String }) endedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceIp: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionId: string | null;
  @ApiProperty() recordedAt: string;
  @ApiPropertyOptional({ enum: ACCESS_FLAG_NAME_LIST, isArray: true, description: 'Shown to processor roles only.' }) flags?: AccessFlagName[];
  @ApiProperty({ description: 'Hash of this entry in the chain.' }) entryHash: string;
  @ApiProperty({ nullable: true, type: String }) purgedAt: string | null;
}
