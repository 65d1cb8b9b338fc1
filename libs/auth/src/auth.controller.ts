import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, CurrentPrincipal, Idempotent, mapPage, Page, PageOf, pageRequestOf, Principal, ProblemDetailsDto, Role, Roles } from '@verwerker/platform';
import { toApiKeyResponse } from './api-keys/api-key.mapper';
import { ApiKeysService } from './api-keys/api-keys.service';
import { ApiKeyResponseDto, CreateApiKeyDto, CreatedApiKeyResponseDto, ListApiKeysQueryDto, WhoAmIResponseDto } from './dto/api-key.dto';

const ApiKeyPageDto = PageOf(ApiKeyResponseDto);

@ApiTags('auth')
@ApiBadRequestResponse({ description: 'Invalid input, one entry per field.', type: ProblemDetailsDto })
@Controller()
export class AuthController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Who the presented credential is: role and, for a client credential, its client.' })
  @ApiOkResponse({ type: WhoAmIResponseDto })
  whoAmI(@CurrentPrincipal() principal: Principal): WhoAmIResponseDto {
    return { role: principal.role, clientId: principal.clientId, credentialKind: principal.credentialKind, label: principal.label };
  }

  @Post('api-keys')
  @Roles(Role.Admin)
  @Idempotent({ secretFields: ['key'] })
  @ApiOperation({ summary: 'Create an API key. The key is shown only in this answer; only its hash is stored.' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    const { apiKey, token } = await this.apiKeys.create(dto, principal);
    return { ...toApiKeyResponse(apiKey), key: token };
  }

  @Get('api-keys')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'List API keys (never their secrets).' })
  @ApiOkResponse({ type: ApiKeyPageDto })
  async list(@Query() query: ListApiKeysQueryDto): Promise<Page<ApiKeyResponseDto>> {
    const filter = { role: query.role, clientId: query.clientId, includeRevoked: query.includeRevoked };
    return mapPage(await this.apiKeys.list(filter, pageRequestOf(query)), toApiKeyResponse);
  }

  @Get('api-keys/:id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyResponseDto> {
    return toApiKeyResponse(await this.apiKeys.get(id));
  }

  @Post('api-keys/:id/revoke')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Revoke a key at once. Revoking twice is harmless.' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyResponseDto> {
    return toApiKeyResponse(await this.apiKeys.revoke(id, principal));
  }
}
