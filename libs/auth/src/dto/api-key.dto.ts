import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ALL_ROLES, PageQueryDto, Role } from '@verwerker/platform';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Control panel log feed', maxLength: 200 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ALL_ROLES })
  @IsIn(ALL_ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for role `client`, refused for any other role.' })
  @ValidateIf((dto: CreateApiKeyDto) => dto.role === Role.Client || dto.clientId !== undefined)
  @IsUUID('all', { message: 'clientId must be the id of a client (a UUID)' })
  clientId?: string;
}

export class ListApiKeysQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALL_ROLES })
  @IsOptional()
  @IsIn(ALL_ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Type(() => String)
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeRevoked?: boolean;
}

export class ApiKeyResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'vwk_3f9a1c2b7d', description: 'The visible start of the key, to tell keys apart.' })
  prefix: string;

  @ApiProperty({ enum: ALL_ROLES })
  role: Role;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  clientId: string | null;

  @ApiProperty()
  createdBy: string;

  @ApiProperty()
  createdAt: string;

  @ApiProperty({ nullable: true, type: String })
  lastUsedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  revokedAt: string | null;
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({ description: 'The key. Shown only in this answer: store it now.', example: 'vwk_3f9a1c2b7d_…' })
  key: string;
}

export class WhoAmIResponseDto {
  @ApiProperty({ enum: ALL_ROLES })
  role: Role;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  clientId: string | null;

  @ApiProperty({ enum: ['api_key', 'jwt'] })
  credentialKind: 'api_key' | 'jwt';

  @ApiProperty()
  label: string;
}
