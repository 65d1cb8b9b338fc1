import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@verwerker/platform';
import { AgreementTermsDto } from './agreement-terms.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateAgreementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiPropertyOptional({ example: 'Verwerkersovereenkomst hosting en onderhoud', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: AgreementTermsDto, description: 'Applied on top of the processor defaults.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgreementTermsDto)
  terms?: AgreementTermsDto;
}

export class ChangeTermsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiProperty({ type: AgreementTermsDto, description: 'A present value replaces the term, null removes it, an absent one stays.' })
  @ValidateNested()
  @Type(() => AgreementTermsDto)
  terms: AgreementTermsDto;
}

export class NewVersionDto {
  @ApiPropertyOptional({ type: AgreementTermsDto, description: 'Changes on top of the newest version’s terms.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgreementTermsDto)
  terms?: AgreementTermsDto;
}

export class SendVersionDto {
  @ApiPropertyOptional({ description: 'Admin only: send although Art. 28(3) items are missing. Needs forceReason.' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ example: 'Klant tekent vandaag; auditafspraken volgen in versie 2.', maxLength: 2000 })
  @ValidateIf((dto: SendVersionDto) => dto.force === true || dto.forceReason !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'forceReason is required to force sending an incomplete version' })
  @MaxLength(2000)
  forceReason?: string;
}

export class AcceptVersionDto {
  @ApiProperty({ example: 'Marieke de Vries', description: 'Who accepts on behalf of the client.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Directeur' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  function?: string;

  @ApiProperty({ example: 'ab'.repeat(32), description: 'SHA-256 (hex) of the exact PDF being accepted, as received.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(/^[0-9a-f]{64}$/, { message: 'documentSha256 must be 64 hexadecimal characters' })
  documentSha256: string;
}

export class TerminateAgreementDto {
  @ApiProperty({ example: 'Klant beëindigt de hostingdienst per 1 januari.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ enum: ['delete', 'return'], description: 'Defaults to the choice in the agreement (Art. 28(3)(g)).' })
  @IsOptional()
  @IsIn(['delete', 'return'])
  endOfService?: 'delete' | 'return';

  @ApiPropertyOptional({ example: '2027-01-31', description: 'Date by which the data is deleted or returned; default DPA_END_OF_SERVICE_DAYS after today.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueOn must be a date YYYY-MM-DD' })
  dueOn?: string;
}

export class CompleteEndOfServiceDto {
  @ApiProperty({ example: 'Alle data en back-ups verwijderd; bevestiging verstuurd.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class ListAgreementsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;
}

export const REGISTER_FORMATS = ['json', 'csv', 'pdf'] as const;
export class RegisterQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'], description: 'Language of the PDF export (default nl).' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';
}
