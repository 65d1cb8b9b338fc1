import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPrincipal,
  Idempotent,
  mapPage,
  Page,
  PageOf,
  pageRequestOf,
  Principal,
  ProblemDetailsDto,
  Role,
  Roles,
  scopeOf,
} from '@verwerker/platform';
import { toClientResponse } from './client.mapper';
import { ClientsService, CreatedClient } from './clients.service';
import {
  ClientResponseDto,
  CreateClientDto,
  CreatedClientResponseDto,
  ListClientsQueryDto,
  UpdateClientContactsDto,
  UpdateClientDto,
  WebhookSecretResponseDto,
} from './dto/client.dto';

const ClientPageDto = PageOf(ClientResponseDto);
const toCreatedResponse = ({ client, webhookSecret }: CreatedClient): CreatedClientResponseDto => ({
  ...toClientResponse(client),
  webhookSecret,
});

@ApiTags('clients')
@ApiBadRequestResponse({ description: 'Invalid input, one entry per field.', type: ProblemDetailsDto })
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @Roles(Role.Admin, Role.Staff)
  @Idempotent({ secretFields: ['webhookSecret'] })
  @ApiOperation({ summary: 'Register a client (controller). The webhook signing secret is shown only in this answer.' })
  @ApiCreatedResponse({ type: CreatedClientResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateClientDto): Promise<CreatedClientResponseDto> {
    return toCreatedResponse(await this.clients.create(dto, principal));
  }

  @Get()
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'List clients in registration order. A client credential sees only itself.' })
  @ApiOkResponse({ type: ClientPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListClientsQueryDto): Promise<Page<ClientResponseDto>> {
    return mapPage(await this.clients.list(scopeOf(principal), { status: query.status }, pageRequestOf(query)), toClientResponse);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'Read one client. Another client’s id answers 404.' })
  @ApiOkResponse({ type: ClientResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ClientResponseDto> {
    return toClientResponse(await this.clients.get(scopeOf(principal), id));
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({ summary: 'Correct a client’s registration and contacts (staff).' })
  @ApiOkResponse({ type: CreatedClientResponseDto, description: '`webhookSecret` is set only when a webhook was configured for the first time.' })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateClientDto,
  ): Promise<CreatedClientResponseDto> {
    return toCreatedResponse(await this.clients.update(id, dto, principal));
  }

  @Patch(':id/contacts')
  @Roles(Role.Admin, Role.Staff, Role.Client)
  @ApiOperation({ summary: 'Update where notices go: privacy contact, recipients, language, webhook. A client may update its own.' })
  @ApiOkResponse({ type: CreatedClientResponseDto, description: '`webhookSecret` is set only when a webhook was configured for the first time.' })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async updateContacts(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateClientContactsDto,
  ): Promise<CreatedClientResponseDto> {
    return toCreatedResponse(await this.clients.updateContacts(scopeOf(principal), id, dto, principal));
  }

  @Post(':id/webhook-secret')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff, Role.Client)
  @ApiOperation({ summary: 'Replace the webhook signing secret. The new secret is shown only in this answer.' })
  @ApiOkResponse({ type: WebhookSecretResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async rotateWebhookSecret(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookSecretResponseDto> {
    return { webhookSecret: await this.clients.rotateWebhookSecret(scopeOf(principal), id, principal) };
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({ summary: 'Mark the relationship as ended. The client and its records are kept as evidence.' })
  @ApiOkResponse({ type: ClientResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async end(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ClientResponseDto> {
    return toClientResponse(await this.clients.end(id, principal));
  }
}
