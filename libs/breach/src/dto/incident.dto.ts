import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { PageQueryDto } from '@verwerker/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DataCategory } from '../rules/assess-breach';
import { BREACH_NATURES, BreachNature } from '../rules/incident-facts';
import { INCIDENT_STATES, IncidentState } from '../rules/incident-lifecycle';
import { INCIDENT_SOURCES, IncidentSource } from '../incidents/incident.entity';

export const DATA_CATEGORIES: readonly DataCategory[] = ['contact', 'identity', 'behavioural', 'location', 'financial', 'national_id', 'credentials', 'special_category', 'criminal'];
const RISKS = ['unlikely', 'risk', 'high'] as const;

export class SubjectRangeDto {
  @ApiProperty({ minimum: 0, example: 4000 }) @IsInt() @Min(0) @Max(1_000_000_000) min: number;
  @ApiProperty({ minimum: 0, example: 5000 }) @IsInt() @Min(0) @Max(1_000_000_000) max: number;
}

export class ContextAdjustmentDto {
  @ApiProperty({ example: 1, description: 'ENISA DPC adjustment (−3…+3).' }) @IsNumber() @Min(-3) @Max(3) delta: number;
  @ApiProperty({ example: 'Patients of a clinic' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

/** The facts of the ENISA/EDPB assessment and the Art. 33(3) / AP-form answers. */
export class IncidentFactsDto {
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) @IsArray() @ArrayMaxSize(20) @IsIn(DATA_CATEGORIES, { each: true }) dataCategories: DataCategory[];
  @ApiPropertyOptional({ example: 'namen en e-mailadressen', nullable: true }) @IsOptional() @IsString() @MaxLength(2000) dataDescription?: string | null;
  @ApiProperty({ type: [String], example: ['nieuwsbriefabonnees'] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) dataSubjectCategories: string[];
  @ApiProperty({ type: SubjectRangeDto }) @ValidateNested() @Type(() => SubjectRangeDto) subjects: SubjectRangeDto;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(0) approximateRecords?: number | null;
  @ApiProperty({ enum: ['negligible', 'limited', 'significant', 'maximum'] }) @IsIn(['negligible', 'limited', 'significant', 'maximum']) identifiability: 'negligible' | 'limited' | 'significant' | 'maximum';
  @ApiProperty({ enum: ['none', 'known_recipients', 'unknown_recipients'] }) @IsIn(['none', 'known_recipients', 'unknown_recipients']) confidentiality: 'none' | 'known_recipients' | 'unknown_recipients';
  @ApiProperty({ enum: ['none', 'recoverable', 'unrecoverable'] }) @IsIn(['none', 'recoverable', 'unrecoverable']) integrity: 'none' | 'recoverable' | 'unrecoverable';
  @ApiProperty({ enum: ['none', 'temporary', 'permanent'] }) @IsIn(['none', 'temporary', 'permanent']) availability: 'none' | 'temporary' | 'permanent';
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsNumber() @Min(0) outageHours?: number | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsBoolean() backupAvailable?: boolean | null;
  @ApiProperty() @IsBoolean() maliciousIntent: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'State-of-the-art encryption or hashing, key or salt not compromised.' }) @IsOptional() @IsBoolean() unintelligible?: boolean | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsBoolean() trustedRecipientDeleted?: boolean | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsBoolean() vulnerableSubjects?: boolean | null;
  @ApiPropertyOptional({ type: ContextAdjustmentDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => ContextAdjustmentDto) contextAdjustment?: ContextAdjustmentDto | null;
  @ApiPropertyOptional({ enum: BREACH_NATURES, isArray: true }) @IsOptional() @IsArray() @IsIn(BREACH_NATURES, { each: true }) nature?: BreachNature[];
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsISO8601({ strict: true }) startedAt?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) discoveredHow?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) cause?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) likelyConsequences?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) measuresTaken?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) measuresProposed?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsBoolean() crossBorder?: boolean | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) dataSubjectsNotInformedReason?: string | null;
}

export class ReportIncidentDto {
  @ApiProperty({ example: 'TransIP: storage cluster accessed by an unknown party' }) @IsString() @MinLength(3) @MaxLength(300) title: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(20_000) description: string;
  @ApiProperty({ example: '2026-11-21T03:00:00+01:00' }) @IsISO8601({ strict: true }) detectedAt: string;
  @ApiPropertyOptional({ description: 'When we became aware (reasonable certainty); may come later via /confirm-breach.' }) @IsOptional() @IsISO8601({ strict: true }) awareAt?: string;
  @ApiPropertyOptional({ enum: INCIDENT_SOURCES, default: 'staff' }) @IsOptional() @IsIn(INCIDENT_SOURCES) source?: IncidentSource;
  @ApiProperty({ example: 'J. Jansen' }) @IsString() @MinLength(2) @MaxLength(200) handlerName: string;
  @ApiProperty({ example: 'j.jansen@doingbetter.example' }) @IsEmail() @MaxLength(320) handlerEmail: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(200, { each: true }) affectedSystems?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Services whose clients are affected (matched against the services in their agreements).' }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(200, { each: true }) affectedServices?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Sub-processors involved (e.g. one that reported the incident).' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) subprocessorIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Clients to add to the derived list.' }) @IsOptional() @IsArray() @ArrayMaxSize(10_000) @IsUUID('all', { each: true }) addClientIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Clients to take off the derived list.' }) @IsOptional() @IsArray() @ArrayMaxSize(10_000) @IsUUID('all', { each: true }) excludeClientIds?: string[];
  @ApiPropertyOptional({ default: false, description: 'Our own (controller) data is affected.' }) @IsOptional() @IsBoolean() ownData?: boolean;
  @ApiPropertyOptional({ type: IncidentFactsDto }) @IsOptional() @ValidateNested() @Type(() => IncidentFactsDto) facts?: IncidentFactsDto;
  @ApiPropertyOptional({ default: false, description: 'A significant incident under NIS2 Art. 23(3).' }) @IsOptional() @IsBoolean() nis2Significant?: boolean;
}

export class UpdateIncidentDto extends PartialType(ReportIncidentDto) {}

export class ConfirmBreachDto {
  @ApiPropertyOptional({ description: 'When we became aware; default now.' }) @IsOptional() @IsISO8601({ strict: true }) awareAt?: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(4000) reason: string;
}

export class OverrideDto {
  @ApiProperty({ enum: RISKS }) @IsIn(RISKS) risk: 'unlikely' | 'risk' | 'high';
  @ApiProperty({ description: 'Kept beside the computed outcome.' }) @IsString() @MinLength(10) @MaxLength(4000) reason: string;
}

export class FollowUpDto {
  @ApiProperty({ description: 'What changed since the previous notice (Art. 33(4)).' }) @IsString() @MinLength(3) @MaxLength(10_000) changes: string;
}

export class AuthorityFilingDto {
  @ApiProperty({ example: 'AP-2026-123456', description: 'The reference the AP’s form gave.' }) @IsString() @MinLength(1) @MaxLength(100) reference: string;
  @ApiPropertyOptional({ description: 'Default now.' }) @IsOptional() @IsISO8601({ strict: true }) filedAt?: string;
  @ApiPropertyOptional({ description: 'Required when filed more than 72 hours after awareness (Art. 33(1)).' }) @IsOptional() @IsString() @MinLength(3) @MaxLength(4000) delayReason?: string;
}

export class InstantDto {
  @ApiPropertyOptional({ description: 'Default now.' }) @IsOptional() @IsISO8601({ strict: true }) at?: string;
}

export class Nis2ReportDto {
  @ApiProperty({ enum: ['early_warning', 'notification', 'final_report'] }) @IsIn(['early_warning', 'notification', 'final_report']) stage: 'early_warning' | 'notification' | 'final_report';
  @ApiPropertyOptional({ description: 'Default now.' }) @IsOptional() @IsISO8601({ strict: true }) submittedAt?: string;
}

export class CloseDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(4000) note: string;
}

export class AcknowledgeDto {
  @ApiProperty({ example: 'M. de Vries, FG' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListIncidentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATES }) @IsOptional() @IsIn(INCIDENT_STATES) state?: IncidentState;
  @ApiPropertyOptional({ description: 'Detected at or after.' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'Detected before.' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() ownData?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() clientId?: string;
}

export class RegisterQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATES }) @IsOptional() @IsIn(INCIDENT_STATES) state?: IncidentState;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() ownData?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() clientId?: string;
  @ApiPropertyOptional({ enum: ['nl', 'en'], default: 'nl' }) @IsOptional() @IsIn(['nl', 'en']) language?: 'nl' | 'en';
}

export class LanguageQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'], default: 'nl' }) @IsOptional() @IsIn(['nl', 'en']) language?: 'nl' | 'en';
}

export class ClientNoticesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() incidentId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() acknowledged?: boolean;
}
