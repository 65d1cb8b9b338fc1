import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatInstant, formatOptionalInstant } from '@verwerker/platform';
import { ChangeWithClients } from './changes/change.repository';
import { RegisterEntry } from './register/register.repository';
import { SubprocessorVersion } from './register/subprocessor.entities';
import { SubprocessorDetailsDto } from './register/subprocessor-details.dto';
import { assessTransfers } from './register/transfer-assessment';
import { TransferClassification } from './rules/transfer-classifier';

export class RegisterEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: SubprocessorDetailsDto }) details: SubprocessorDetailsDto;
  @ApiProperty({ enum: ['eea', 'adequacy', 'safeguards', 'derogation'] }) transferStatus: string;
  @ApiProperty({ description: 'Per country and overall, with the rule and reference that decided.' }) transfer: TransferClassification;
  @ApiProperty() validFrom: string;
  @ApiProperty({ nullable: true, type: String }) validTo: string | null;
}

export class ChangeClientResponseDto {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: ['general', 'specific'] }) authorisation: string;
  @ApiProperty() objectionPeriodDays: number;
  @ApiProperty({ enum: ['none', 'objected', 'approved'] }) response: string;
  @ApiProperty({ nullable: true, type: String }) responseReason: string | null;
  @ApiProperty({ nullable: true, type: String }) respondedAt: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['proceed', 'keep_off', 'end_service', 'withdraw'] }) decision: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Once applied: whether the change applies to this client.' }) applies: boolean | null;
  @ApiProperty({ nullable: true, type: String }) outcomeRule: string | null;
  @ApiProperty({ nullable: true, type: String }) noticeId: string | null;
}

export class ChangeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['addition', 'replacement', 'removal'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) subprocessorId: string;
  @ApiProperty({ nullable: true, type: String }) replacesSubprocessorId: string | null;
  @ApiProperty() subprocessorName: string;
  @ApiProperty({ nullable: true, type: String }) replacesName: string | null;
  @ApiPropertyOptional({ type: SubprocessorDetailsDto, nullable: true }) details: SubprocessorDetailsDto | null;
  @ApiProperty() announcedAt: string;
  @ApiProperty() effectiveAt: string;
  @ApiProperty({ enum: ['announced', 'applied', 'withdrawn'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) appliedAt: string | null;
  @ApiProperty({ type: [ChangeClientResponseDto] }) clients: ChangeClientResponseDto[];
}

export function toRegisterEntryResponse({ subprocessor, version }: RegisterEntry, at: Date): RegisterEntryResponseDto {
  return toVersionResponse(subprocessor.id, version, at);
}

export function toVersionResponse(id: string, version: SubprocessorVersion, at: Date): RegisterEntryResponseDto {
  return {
    id,
    details: version.details as SubprocessorDetailsDto,
    transferStatus: version.transferStatus,
    transfer: assessTransfers(version.details, version.validTo && version.validTo < at ? version.validFrom : at),
    validFrom: formatInstant(version.validFrom),
    validTo: formatOptionalInstant(version.validTo),
  };
}

export function toChangeResponse({ change, clients }: ChangeWithClients): ChangeResponseDto {
  return {
    id: change.id,
    kind: change.kind,
    subprocessorId: change.subprocessorId,
    replacesSubprocessorId: change.replacesSubprocessorId,
    subprocessorName: change.subprocessorName,
    replacesName: change.replacesName,
    details: change.details as SubprocessorDetailsDto | null,
    announcedAt: formatInstant(change.announcedAt),
    effectiveAt: formatInstant(change.effectiveAt),
    status: change.status,
    appliedAt: formatOptionalInstant(change.appliedAt),
    clients: clients.map((row) => ({
      clientId: row.clientId,
      authorisation: row.authorisation,
      objectionPeriodDays: row.objectionPeriodDays,
      response: row.response,
      responseReason: row.responseReason,
      respondedAt: formatOptionalInstant(row.respondedAt),
      decision: row.decision,
      decisionReason: row.decisionReason,
      applies: row.applies,
      outcomeRule: row.outcomeRule,
      noticeId: row.noticeId,
    })),
  };
}
