import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { TransferMechanism } from '../rules/transfer-classifier';

const MECHANISMS: TransferMechanism[] = ['dpf', 'scc', 'bcr', 'derogation'];
const upper = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim().toUpperCase() : item)) : value);

export class TransferArrangementDto {
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 country outside the EEA.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as US' })
  country: string;

  @ApiProperty({ enum: MECHANISMS, description: 'dpf: certified under the EU-US Data Privacy Framework; scc: standard contractual clauses; bcr; derogation (Art. 49).' })
  @IsIn(MECHANISMS)
  mechanism: TransferMechanism;

  @ApiPropertyOptional({ example: 'SCC 2021/914 module 3, signed 2025-04-01' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  documentReference?: string;

  @ApiPropertyOptional({ description: 'A transfer impact assessment is on file.' })
  @IsOptional()
  @IsBoolean()
  transferImpactAssessment?: boolean;
}

export class SubprocessorDetailsDto {
  @ApiProperty({ example: 'TransIP B.V.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  legalName: string;

  @ApiProperty({ type: [String], example: ['hosting'], description: 'Services it provides; clients using one of them are affected.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  services: string[];

  @ApiProperty({ type: [String], example: ['NL'], description: 'ISO 3166-1 alpha-2 countries where it processes the data.' })
  @Transform(upper)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsISO31661Alpha2({ each: true, message: 'each value in processingCountries must be an ISO 3166-1 alpha-2 code' })
  processingCountries: string[];

  @ApiPropertyOptional({ type: [String], example: [], description: 'Countries from where it can access the data (remote access is a transfer too).' })
  @IsOptional()
  @Transform(upper)
  @IsArray()
  @ArrayMaxSize(60)
  @IsISO31661Alpha2({ each: true, message: 'each value in accessCountries must be an ISO 3166-1 alpha-2 code' })
  accessCountries?: string[];

  @ApiPropertyOptional({ type: [String], example: ['ISO 27001', 'NEN 7510'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  certifications?: string[];

  @ApiPropertyOptional({ example: '2025-01-15', description: 'Date of our processor agreement with it.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'agreementDate must be a date YYYY-MM-DD' })
  agreementDate?: string;

  @ApiPropertyOptional({ type: [TransferArrangementDto], description: 'The transfer mechanism for each country outside the EEA.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => TransferArrangementDto)
  transfers?: TransferArrangementDto[];
}
