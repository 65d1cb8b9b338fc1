import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERSION_STATUSES, VersionStatus } from '../../rules/agreement-lifecycle';
import { AgreementTermsDto } from './agreement-terms.dto';

export class Article28FindingDto {
  @ApiProperty({ example: 'g_end_of_service' }) item: string;
  @ApiProperty({ example: 'GDPR Art. 28(3)(g)' }) reference: string;
  @ApiProperty({ example: 'Deletion or return of all personal data at the end of the service' }) label: string;
  @ApiProperty() present: boolean;
  @ApiProperty({ example: "Missing: the client's choice to delete or return all personal data at the end of the service." }) reason: string;
}

export class CompletenessResponseDto {
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [String] }) missing: string[];
  @ApiProperty({ type: [Article28FindingDto] }) findings: Article28FindingDto[];
}

export class SubprocessorAnnexEntryDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) services: string[];
  @ApiProperty({ type: [String] }) countries: string[];
  @ApiProperty({ type: String, nullable: true }) transferMechanism: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) safeguard?: string | null;
}

export class AcceptanceDto {
  @ApiProperty() acceptedAt: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) function: string | null;
  @ApiProperty({ description: 'Label of the client credential that accepted.' }) credential: string;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ description: 'SHA-256 of the exact PDF accepted.' }) documentSha256: string;
}

export class TerminationDto {
  @ApiProperty() terminatedAt: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['delete', 'return'] }) endOfService: string;
  @ApiProperty({ example: '2027-01-31' }) dueOn: string;
  @ApiProperty({ type: String, nullable: true }) completedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) completionNote: string | null;
}

export class AgreementVersionResponseDto {
  @ApiProperty() agreementId: string;
  @ApiProperty() clientId: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: VERSION_STATUSES }) status: VersionStatus;
  @ApiProperty({ type: AgreementTermsDto }) terms: AgreementTermsDto;
  @ApiProperty({ description: 'The processor and the client as the document names them.' }) parties: Record<string, unknown>;
  @ApiProperty({ type: [SubprocessorAnnexEntryDto], nullable: true, description: 'Snapshot taken at sending.' }) subprocessors: SubprocessorAnnexEntryDto[] | null;
  @ApiProperty({ type: CompletenessResponseDto }) completeness: CompletenessResponseDto;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the canonical content; in the PDF footer.' }) contentSha256: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the exact PDF sent.' }) documentSha256: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) sentBy: string | null;
  @ApiProperty() forcedIncomplete: boolean;
  @ApiProperty({ type: String, nullable: true }) forceReason: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ type: AcceptanceDto, nullable: true }) acceptance: AcceptanceDto | null;
  @ApiProperty({ type: String, nullable: true }) supersededAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) supersededByNumber: number | null;
  @ApiProperty({ type: TerminationDto, nullable: true }) termination: TerminationDto | null;
}

export class AgreementVersionSummaryDto {
  @ApiProperty() number: number;
  @ApiProperty({ enum: VERSION_STATUSES }) status: VersionStatus;
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) acceptedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) documentSha256: string | null;
}

export class AgreementResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The version in force now, if any.' }) inForceVersion: number | null;
  @ApiProperty() latestVersion: number;
  @ApiProperty({ type: [AgreementVersionSummaryDto] }) versions: AgreementVersionSummaryDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class VerificationResponseDto {
  @ApiProperty({ description: 'The re-rendered PDF has the hash recorded at sending (and at acceptance, if accepted).' }) verified: boolean;
  @ApiProperty() number: number;
  @ApiProperty({ description: 'SHA-256 of the PDF rendered now.' }) renderedSha256: string;
  @ApiProperty({ type: String, nullable: true }) sentDocumentSha256: string | null;
  @ApiProperty({ type: String, nullable: true }) acceptedDocumentSha256: string | null;
  @ApiProperty({ type: String, nullable: true }) contentSha256: string | null;
  @ApiProperty({ description: 'The stored content still hashes to contentSha256.' }) contentVerified: boolean;
}

export class ComplianceGapDto {
  @ApiProperty({ enum: ['no_agreement_in_force', 'incomplete_terms', 'awaiting_acceptance', 'end_of_service_overdue'] }) kind: string;
  @ApiProperty() clientId: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ type: String, nullable: true }) agreementId: string | null;
  @ApiProperty({ type: Number, nullable: true }) versionNumber: number | null;
  @ApiProperty() detail: string;
  @ApiPropertyOptional({ type: [String] }) missing?: string[];
  @ApiProperty({ type: String, nullable: true }) since: string | null;
  @ApiPropertyOptional() overdue?: boolean;
}

export class ComplianceGapsResponseDto {
  @ApiProperty() checkedAt: string;
  @ApiProperty({ type: [ComplianceGapDto] }) items: ComplianceGapDto[];
}

export class ReminderRunResponseDto {
  @ApiProperty() acceptanceReminders: number;
  @ApiProperty() endOfServiceReminders: number;
}
