import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { SubprocessorDetailsDto } from '../register/subprocessor-details.dto';

export const CHANGE_KINDS = ['addition', 'replacement', 'removal'] as const;
export const DECISIONS = ['proceed', 'keep_off', 'end_service', 'withdraw'] as const;

export class ProposeChangeDto {
  @ApiProperty({ enum: CHANGE_KINDS })
  @IsIn(CHANGE_KINDS)
  kind: (typeof CHANGE_KINDS)[number];

  @ApiProperty({ example: '2026-12-31T00:00:00+01:00', description: 'When the change takes effect. Must leave every affected client its objection period.' })
  @IsISO8601({ strict: true })
  effectiveAt: string;

  @ApiPropertyOptional({ type: SubprocessorDetailsDto, description: 'The new sub-processor (addition, replacement).' })
  @ValidateIf((dto: ProposeChangeDto) => dto.kind !== 'removal' || dto.subprocessor !== undefined)
  @ValidateNested()
  @Type(() => SubprocessorDetailsDto)
  subprocessor?: SubprocessorDetailsDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'The sub-processor replaced (replacement).' })
  @ValidateIf((dto: ProposeChangeDto) => dto.kind === 'replacement' || dto.replacesSubprocessorId !== undefined)
  @IsUUID()
  replacesSubprocessorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The sub-processor removed (removal).' })
  @ValidateIf((dto: ProposeChangeDto) => dto.kind === 'removal' || dto.subprocessorId !== undefined)
  @IsUUID()
  subprocessorId?: string;
}

export class ApprovalDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'Your reasons (required for an objection).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}

export class ObjectionDto {
  @ApiProperty({ maxLength: 2000, example: 'Our customers’ data may not leave the EEA.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS, description: 'proceed: apply despite the objection; keep_off: keep this client off the new sub-processor; end_service: end the service for it; withdraw: withdraw the whole change.' })
  @IsIn(DECISIONS)
  decision: (typeof DECISIONS)[number];

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
