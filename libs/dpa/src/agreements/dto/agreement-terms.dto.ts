import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SecurityMeasureDto } from '@verwerker/parties';
import { BREACH_NOTICE_HOURS_RANGE } from '../../rules/article-28-completeness';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value);

export const DURATION_KINDS = ['fixed', 'service_term'] as const;

export class AgreementDurationDto {
  @ApiProperty({ enum: DURATION_KINDS, description: '`service_term`: as long as the client uses the service; `fixed`: until a date.' })
  @IsIn(DURATION_KINDS)
  kind: 'fixed' | 'service_term';

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Required when kind is `fixed`: the last day (YYYY-MM-DD).' })
  @ValidateIf((dto: AgreementDurationDto) => dto.kind === 'fixed' || dto.until !== undefined)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'until must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'until must be a calendar date' })
  until?: string;
}

/**
 * The terms of a version (GDPR Art. 28(3)), all optional: a draft is saved while it is still being written, and the
 * completeness report says what is missing. In a change, `null` removes a term.
 */
export class AgreementTermsDto {
  @ApiPropertyOptional({ example: 'Hosting, onderhoud en functioneel beheer van de website en webshop', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  subjectMatter?: string | null;

  @ApiPropertyOptional({ type: AgreementDurationDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgreementDurationDto)
  duration?: AgreementDurationDto | null;

  @ApiPropertyOptional({ example: 'Opslag, back-up en supporttoegang, om de website te laten draaien', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  natureAndPurpose?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['NAW-gegevens', 'e-mailadressen', 'bestelgegevens'], nullable: true })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  dataCategories?: string[] | null;

  @ApiPropertyOptional({ type: [String], example: ['klanten van de webshop', 'nieuwsbriefabonnees'], nullable: true })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  dataSubjectCategories?: string[] | null;

  @ApiPropertyOptional({ description: 'Children’s data is processed (raises the risk context of a breach).', nullable: true })
  @IsOptional()
  @IsBoolean()
  minorsInvolved?: boolean | null;

  @ApiPropertyOptional({ description: 'Special categories (Art. 9) are processed.', nullable: true })
  @IsOptional()
  @IsBoolean()
  specialCategories?: boolean | null;

  @ApiPropertyOptional({ type: [String], example: ['webhosting', 'nieuwsbrieven'], nullable: true })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  services?: string[] | null;

  @ApiPropertyOptional({ minimum: BREACH_NOTICE_HOURS_RANGE.min, maximum: BREACH_NOTICE_HOURS_RANGE.max, example: 24, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(BREACH_NOTICE_HOURS_RANGE.min)
  @Max(BREACH_NOTICE_HOURS_RANGE.max)
  breachNoticeHours?: number | null;

  @ApiPropertyOptional({ enum: ['general', 'specific'], nullable: true })
  @IsOptional()
  @IsIn(['general', 'specific'])
  subprocessorAuthorisation?: 'general' | 'specific' | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, example: 30, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  objectionPeriodDays?: number | null;

  @ApiPropertyOptional({ type: [String], example: ['privacy@bakkerij.example'], nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true, message: 'each value in noticeContacts must be an e-mail address' })
  noticeContacts?: string[] | null;

  @ApiPropertyOptional({ enum: ['nl', 'en'], nullable: true, description: 'Language of the document.' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en' | null;

  @ApiPropertyOptional({ enum: ['delete', 'return'], nullable: true, description: 'Art. 28(3)(g): the client’s choice at the end.' })
  @IsOptional()
  @IsIn(['delete', 'return'])
  endOfService?: 'delete' | 'return' | null;

  @ApiPropertyOptional({ example: 'Back-ups worden 30 dagen bewaard.', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  retention?: string | null;

  @ApiPropertyOptional({ example: 'Jaarlijks ISO 27001-rapport; audit op locatie eens per jaar op kosten van de verwerkingsverantwoordelijke.', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  auditArrangements?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Art. 28(3)(b) standard clause included.' })
  @IsOptional()
  @IsBoolean()
  confidentialityClause?: boolean | null;

  @ApiPropertyOptional({ nullable: true, description: 'Art. 28(3)(a) standard clause included.' })
  @IsOptional()
  @IsBoolean()
  instructionsClause?: boolean | null;

  @ApiPropertyOptional({ type: [SecurityMeasureDto], nullable: true, description: 'Art. 28(3)(c): annex 1.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SecurityMeasureDto)
  measuresAnnex?: SecurityMeasureDto[] | null;

  @ApiPropertyOptional({ nullable: true, description: 'Art. 28(3)(e) standard clause included.' })
  @IsOptional()
  @IsBoolean()
  assistDataSubjectRights?: boolean | null;

  @ApiPropertyOptional({ nullable: true, description: 'Art. 28(3)(f) standard clause included.' })
  @IsOptional()
  @IsBoolean()
  assistArticles32to36?: boolean | null;

  @ApiPropertyOptional({ nullable: true, description: 'Art. 28(3) closing words / (h): warn of infringing instructions.' })
  @IsOptional()
  @IsBoolean()
  infringingInstructionNotice?: boolean | null;

  @ApiPropertyOptional({ example: 'De verwerkingsverantwoordelijke geeft instructies via het klantportaal en mag audits laten uitvoeren.', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  controllerObligationsAndRights?: string | null;
}
