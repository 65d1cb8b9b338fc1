import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ProcessorProfileService } from '@verwerker/parties';
import { Clock, CurrentPrincipal, Idempotent, Principal, Public, Role, Roles, scopeOf, ValidationError } from '@verwerker/platform';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import type { Request } from 'express';
import { ApprovalDto, DecisionDto, ObjectionDto, ProposeChangeDto } from './changes/change.dto';
import { ChangesService } from './changes/changes.service';
import { changesAtomFeed, publicRegisterHtml, PublicEntry } from './public/public-register.render';
import { RegisterService } from './register/register.service';
import { SubprocessorDetailsDto } from './register/subprocessor-details.dto';
import { ChangeResponseDto, RegisterEntryResponseDto, toChangeResponse, toRegisterEntryResponse, toVersionResponse } from './subprocessors.mappers';

export class AtQueryDto {
  @ApiPropertyOptional({ example: '2026-06-01T00:00:00+02:00', description: 'Read the register as it was at this moment (default: now).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class LanguageQueryDto extends AtQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'], default: 'nl' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';
}

const READERS = [Role.Admin, Role.Staff, Role.Dpo, Role.Client] as const;

@ApiTags('subprocessors')
@Controller()
export class SubprocessorsController {
  constructor(
    private readonly register: RegisterService,
    private readonly changes: ChangesService,
    private readonly profiles: ProcessorProfileService,
    private readonly clock: Clock,
  ) {}

  @Get('subprocessors')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The sub-processor register, now or as it was at `at`, with each transfer status and its reasons.' })
  @ApiOkResponse({ type: [RegisterEntryResponseDto] })
  async list(@Query() query: AtQueryDto): Promise<RegisterEntryResponseDto[]> {
    const at = this.at(query);
    return (await this.register.at(at)).map((entry) => toRegisterEntryResponse(entry, at));
  }

  @Post('subprocessors')
  @Roles(Role.Admin, Role.Staff)
  @Idempotent()
  @ApiOperation({ summary: 'Put a sub-processor on the register at once — only while it touches no client’s data (otherwise announce a change). A transfer without a Chapter V basis is refused with the reason.' })
  @ApiCreatedResponse({ type: RegisterEntryResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: SubprocessorDetailsDto): Promise<RegisterEntryResponseDto> {
    return toRegisterEntryResponse(await this.register.registerDirectly(dto, principal), this.clock.now());
  }

  @Get('subprocessors/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One sub-processor: its entry at `at` and every version in its history.' })
  async get(@Param('id', ParseUUIDPipe) id: string, @Query() query: AtQueryDto) {
    const at = this.at(query);
    const { subprocessor, entry, history } = await this.register.get(id, at);
    return { id: subprocessor.id, name: subprocessor.name, current: entry ? toRegisterEntryResponse(entry, at) : null, history: history.map((version) => toVersionResponse(id, version, at)) };
  }

  @Get('subprocessors/:id/clients')
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @ApiOperation({ summary: 'Who is affected: the clients whose data this sub-processor touches (through the services in their agreements).' })
  async clientsOf(@Param('id', ParseUUIDPipe) id: string, @Query() query: AtQueryDto) {
    return (await this.register.clientsOf(id, this.at(query))).map(({ clientId, clientName, services, authorisation, objectionPeriodDays }) => ({ clientId, clientName, services, authorisation, objectionPeriodDays }));
  }

  @Get('subprocessors/by-client/:clientId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The sub-processors that touch one client’s data (through the services in its agreement). A client reads its own.' })
  @ApiOkResponse({ type: [RegisterEntryResponseDto] })
  async ofClient(@CurrentPrincipal() principal: Principal, @Param('clientId', ParseUUIDPipe) clientId: string, @Query() query: AtQueryDto): Promise<RegisterEntryResponseDto[]> {
    const at = this.at(query);
    return (await this.register.ofClient(scopeOf(principal), clientId, at)).map((entry) => toRegisterEntryResponse(entry, at));
  }

  @Post('subprocessor-changes')
  @Roles(Role.Admin, Role.Staff)
  @Idempotent()
  @ApiOperation({ summary: 'Announce an addition, replacement or removal with its effective date. Every affected client gets a notice (e-mail, webhook, PDF); a date inside a client’s objection period is refused, naming the clients.' })
  @ApiCreatedResponse({ type: ChangeResponseDto })
  async propose(@CurrentPrincipal() principal: Principal, @Body() dto: ProposeChangeDto): Promise<ChangeResponseDto> {
    return toChangeResponse(await this.changes.propose(dto, principal));
  }

  @Get('subprocessor-changes')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Announced changes, newest first. A client sees the changes announced to it and its own response.' })
  @ApiOkResponse({ type: [ChangeResponseDto] })
  async listChanges(@CurrentPrincipal() principal: Principal): Promise<ChangeResponseDto[]> {
    return (await this.changes.list(scopeOf(principal))).map(toChangeResponse);
  }

  @Get('subprocessor-changes/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ChangeResponseDto })
  async getChange(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ChangeResponseDto> {
    return toChangeResponse(await this.changes.get(scopeOf(principal), id));
  }

  @Post('subprocessor-changes/:id/objection')
  @HttpCode(200)
  @Roles(Role.Client)
  @ApiOperation({ summary: 'Object to a change (with reasons) until its effective date; under specific authorisation this declines it.' })
  @ApiOkResponse({ type: ChangeResponseDto })
  async object(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ObjectionDto): Promise<ChangeResponseDto> {
    return toChangeResponse(await this.changes.respond(principal, scopeOf(principal), id, 'objected', dto.reason));
  }

  @Post('subprocessor-changes/:id/approval')
  @HttpCode(200)
  @Roles(Role.Client)
  @ApiOperation({ summary: 'Give specific written authorisation for a change (specific authorisation only) until its effective date.' })
  @ApiOkResponse({ type: ChangeResponseDto })
  async approve(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApprovalDto): Promise<ChangeResponseDto> {
    return toChangeResponse(await this.changes.respond(principal, scopeOf(principal), id, 'approved', dto.reason ?? null));
  }

  @Post('subprocessor-changes/:id/clients/:clientId/decision')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({ summary: 'Decide for one client after its objection: proceed, keep it off the new sub-processor, end its service — or withdraw the change.' })
  @ApiOkResponse({ type: ChangeResponseDto })
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Body() dto: DecisionDto,
  ): Promise<ChangeResponseDto> {
    return toChangeResponse(await this.changes.decide(id, clientId, dto, principal));
  }

  @Post('subprocessor-changes/apply-due')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Apply every change whose date has come now (otherwise done on a timer). Exactly once, also with several instances.' })
  async applyDue(): Promise<{ applied: number }> {
    return { applied: await this.changes.applyDue() };
  }

  @Get('public/subprocessors')
  @Public()
  @ApiTags('public')
  @ApiOperation({ summary: 'The current sub-processor register, without authentication.' })
  async publicJson(@Query() query: AtQueryDto): Promise<PublicEntry[]> {
    return this.publicEntries(this.at(query));
  }

  @Get('public/subprocessors.html')
  @Public()
  @ApiTags('public')
  @ApiProduces('text/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The current register as a simple HTML page (nl/en), linking the Atom feed.' })
  async publicHtml(@Query() query: LanguageQueryDto): Promise<string> {
    const profile = await this.profiles.find();
    return publicRegisterHtml(profile?.legalName ?? 'Verwerker', await this.publicEntries(this.at(query)), query.lang ?? 'nl', 'subprocessor-changes.atom');
  }

  @Get('public/subprocessor-changes.atom')
  @Public()
  @ApiTags('public')
  @ApiProduces('application/atom+xml')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @ApiOperation({ summary: 'An Atom feed of register changes, to follow them.' })
  async publicFeed(@Req() request: Request): Promise<string> {
    const profile = await this.profiles.find();
    const base = `${request.protocol}://${request.get('host') ?? 'localhost'}/public`;
    const changes = await this.changes.list({ kind: 'processor' });
    return changesAtomFeed(
      profile?.legalName ?? 'Verwerker',
      changes.map(({ change }) => ({
        id: change.id,
        kind: change.kind,
        subprocessorName: change.subprocessorName,
        replaces: change.replacesName,
        status: change.status,
        announcedAt: change.announcedAt,
        effectiveAt: change.effectiveAt,
        updatedAt: change.appliedAt ?? change.announcedAt,
      })),
      `${base}/subprocessor-changes.atom`,
      `${base}/subprocessors.html`,
    );
  }

  private async publicEntries(at: Date): Promise<PublicEntry[]> {
    return (await this.register.at(at)).map(({ subprocessor, version }) => ({
      id: subprocessor.id,
      legalName: version.details.legalName,
      services: version.details.services,
      processingCountries: version.details.processingCountries,
      accessCountries: version.details.accessCountries,
      certifications: version.details.certifications,
      transferStatus: version.transferStatus,
      transferMechanisms: [...new Set(version.details.transfers.map((transfer) => transfer.mechanism))],
      since: version.validFrom,
    }));
  }

  private at(query: AtQueryDto): Date {
    if (!query.at) return this.clock.now();
    const at = new Date(query.at);
    if (Number.isNaN(at.getTime())) throw new ValidationError([{ field: 'at', messages: ['at must be an ISO 8601 date-time'] }]);
    return at;
  }
}
