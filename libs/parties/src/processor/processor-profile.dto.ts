import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { KVK_NUMBER_PATTERN } from '../clients/rules/kvk-number';
import { SUBPROCESSOR_AUTHORISATIONS, SubprocessorAuthorisation } from './processor-profile.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** One technical or organisational measure (Art. 32): in the processor's catalogue and in each agreement's annex. */
export class SecurityMeasureDto {
  @ApiProperty({ example: 'access_control' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  category: string;

  @ApiProperty({ example: 'Medewerkers hebben alleen toegang tot systemen die zij voor hun werk nodig hebben.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;
}

export class ProcessorProfileDto {
  @ApiProperty({ example: 'Doing Better B.V.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  legalName: string;

  @ApiPropertyOptional({ example: '27124701', nullable: true, type: String })
  @IsOptional()
  @Matches(KVK_NUMBER_PATTERN, { message: 'kvkNumber must be exactly 8 digits' })
  kvkNumber: string | null;

  @ApiProperty({ example: 'Stationsweg 12' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  streetAddress: string;

  @ApiProperty({ example: '2312 AV' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode: string;

  @ApiProperty({ example: 'Leiden' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: 'NL' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as NL' })
  country: string;

  @ApiProperty({ example: 'Privacy team' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  contactName: string;

  @ApiProperty({ example: 'privacy@doingbetter.nl' })
  @IsEmail()
  contactEmail: string;

  @ApiPropertyOptional({ example: '+31 71 123 4567', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  contactPhone: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  dpoName: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsEmail()
  dpoEmail: string | null;

  @ApiProperty({ example: 24, minimum: 1, maximum: 72, description: 'Hours after awareness within which a client is told of a breach of its data.' })
  @IsInt()
  @Min(1)
  @Max(72)
  defaultBreachNoticeHours: number;

  @ApiProperty({ enum: SUBPROCESSOR_AUTHORISATIONS, example: 'general' })
  @IsIn(SUBPROCESSOR_AUTHORISATIONS)
  defaultSubprocessorAuthorisation: SubprocessorAuthorisation;

  @ApiProperty({ example: 30, minimum: 1, maximum: 365 })
  @IsInt()
  @Min(1)
  @Max(365)
  defaultObjectionPeriodDays: number;

  @ApiProperty({ type: [SecurityMeasureDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SecurityMeasureDto)
  measures: SecurityMeasureDto[];

  @ApiProperty({ description: 'Whether the processor is a NIS2 entity (Cyberbeveiligingswet).' })
  @IsBoolean()
  nis2Entity: boolean;
}

export class ProcessorProfileResponseDto extends ProcessorProfileDto {
  @ApiProperty()
  updatedAt: string;
}
