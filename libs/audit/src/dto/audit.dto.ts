import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ACCESS_ACTIONS, AccessAction } from '../access/access-entry.entity';
import { ACCESS_FLAG_NAME_LIST, AccessFlagName } from '../access/rules/access-flags';
import { AUDIT_STREAMS, AuditStream } from '../chain/chain-hash';

class LogPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class AccessLogQueryDto extends LogPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Processor roles only; a client sees its own entries.' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+01:00', description: 'Access started at or after (ISO 8601).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+01:00', description: 'Access started before (ISO 8601).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Staff member id.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  staffMemberId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  system?: string;

  @ApiPropertyOptional({ enum: ACCESS_ACTIONS })
  @IsOptional()
  @IsIn(ACCESS_ACTIONS)
  action?: AccessAction;
}

export class AccessFlagQueryDto extends AccessLogQueryDto {
  @ApiPropertyOptional({ enum: ACCESS_FLAG_NAME_LIST, description: 'Only entries with this flag; without it, every flagged entry.' })
  @IsOptional()
  @IsIn(ACCESS_FLAG_NAME_LIST)
  flag?: AccessFlagName;
}

export class MonthlyReportQueryDto {
  @ApiProperty({ example: '2026-10', description: 'Calendar month in Europe/Amsterdam.' })
  @IsString()
  @MaxLength(7)
  month: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for processor roles; a client gets its own report.' })
  @IsOptional()
  @IsUUID()
  clientId?: string;
}

export class ChangeTrailQueryDto extends LogPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ example: 'client' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectId?: string;

  @ApiPropertyOptional({ example: 'client.created' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class StreamQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_STREAMS })
  @IsOptional()
  @IsIn(AUDIT_STREAMS)
  stream?: AuditStream;
}

export class VerifyQueryDto {
  @ApiProperty({ enum: AUDIT_STREAMS })
  @IsIn(AUDIT_STREAMS)
  stream: AuditStream;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  fromSeq?: number;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  toSeq?: number;
}

export class ChangeTrailEntryResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() seq: number;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ description: 'Role of the actor (`system` for bootstrap and scheduled work).' }) actorRole: string;
  @ApiProperty({ enum: ['api_key', 'jwt', 'system'] }) actorKind: string;
  @ApiProperty({ nullable: true, type: String, description: 'Key prefix or JWT subject; null once purged.' }) actorLabel: string | null;
  @ApiProperty({ nullable: true, type: String }) clientId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty({ nullable: true, type: Object, description: '{ before, after } without secrets; null once purged.' }) summary: object | null;
  @ApiProperty() entryHash: string;
  @ApiProperty({ nullable: true, type: String }) purgedAt: string | null;
}

export class CheckpointResponseDto {
  @ApiProperty({ enum: AUDIT_STREAMS }) stream: AuditStream;
  @ApiProperty({ description: 'Number of entries covered.' }) size: number;
  @ApiProperty() headHash: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'UTC instant exactly as signed.' }) signedAt: string;
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'Ed25519 signature (base64) over `verwerker-audit-checkpoint/v1\\n{stream}\\n{size}\\n{headHash}\\n{signedAt}`.' })
  signature: string;
}

export class PublicKeyResponseDto {
  @ApiProperty({ example: 'Ed25519' }) algorithm: string;
  @ApiProperty() keyId: string;
  @ApiProperty() publicKeyPem: string;
}

export class VerificationFailureDto {
  @ApiProperty() seq: number;
  @ApiProperty({ nullable: true, type: String }) entryId: string | null;
  @ApiProperty() reason: string;
}

export class VerificationReportDto {
  @ApiProperty({ enum: AUDIT_STREAMS }) stream: AuditStream;
  @ApiProperty() fromSeq: number;
  @ApiProperty() toSeq: number;
  @ApiProperty() entriesChecked: number;
  @ApiProperty() purgedEntries: number;
  @ApiProperty() checkpointsChecked: number;
  @ApiProperty({ description: 'Worker threads that walked the run (a long run of the access log); 0 when it was walked on the main thread.' })
  workerThreads: number;
  @ApiProperty() verified: boolean;
  @ApiProperty({ type: VerificationFailureDto, nullable: true }) firstFailure: VerificationFailureDto | null;
  @ApiProperty() durationMs: number;
}

export class PurgeResultDto {
  @ApiProperty() accessEntriesPurged: number;
  @ApiProperty() changeEntriesPurged: number;
  @ApiProperty() accessCutoff: string;
  @ApiProperty() changeCutoff: string;
}
