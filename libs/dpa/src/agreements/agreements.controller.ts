import { Body, Controller, Get, Header, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Clock, CurrentPrincipal, formatInstant, Idempotent, PageOf, pageRequestOf, Principal, ProblemDetailsDto, Role, Roles, scopeOf, ValidationError } from '@verwerker/platform';
import { ComplianceGapsService } from '../gaps/compliance-gaps.service';
import { DpaRemindersService } from '../reminders/dpa-reminders.service';
import { toAgreementResponse, toCompletenessResponse, toVersionResponse } from './agreement.mapper';
import { AgreementsService, RequestOrigin } from './agreements.service';
import { AcceptVersionDto, ChangeTermsDto, CompleteEndOfServiceDto, CreateAgreementDto, ListAgreementsQueryDto, NewVersionDto, SendVersionDto, TerminateAgreementDto } from './dto/agreement-requests.dto';
import {
  AgreementResponseDto,
  AgreementVersionResponseDto,
  ComplianceGapsResponseDto,
  CompletenessResponseDto,
  ReminderRunResponseDto,
  VerificationResponseDto,
} from './dto/agreement-responses.dto';
import { CurrentRequestOrigin } from './request-origin.decorator';

const AgreementPageDto = PageOf(AgreementResponseDto);
const VersionNumber = () => new ParseIntPipe({ exceptionFactory: () => new ValidationError([{ field: 'number', messages: ['number must be a whole number'] }]) });

@ApiTags('agreements')
@ApiBadRequestResponse({ description: 'Invalid input, one entry per field.', type: ProblemDetailsDto })
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly gapsService: ComplianceGapsService,
    private readonly reminders: DpaRemindersService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles(Role.Admin, Role.Staff)
  @Idempotent()
  @ApiOperation({ summary: 'Create a client’s processor agreement with a draft version 1 from the processor defaults.' })
  @ApiCreatedResponse({ type: AgreementResponseDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'The client already has an agreement, or no processor profile is set up.' })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateAgreementDto): Promise<AgreementResponseDto> {
    const { agreement, versions } = await this.agreements.create(dto, principal);
    return toAgreementResponse(agreement, versions, this.clock.now());
  }

  @Get()
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'List agreements with their versions. A client credential sees only its own.' })
  @ApiOkResponse({ type: AgreementPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListAgreementsQueryDto) {
    const { page, versions } = await this.agreements.list(scopeOf(principal), { clientId: query.clientId }, pageRequestOf(query));
    const now = this.clock.now();
    return { items: page.items.map((agreement) => toAgreementResponse(agreement, versions, now)), nextCursor: page.nextCursor };
  }

  @Get('gaps')
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @ApiOperation({ summary: 'Compliance gaps: active clients without an agreement in force, incomplete terms, versions awaiting acceptance, overdue deletions or returns.' })
  @ApiOkResponse({ type: ComplianceGapsResponseDto })
  async gaps(): Promise<ComplianceGapsResponseDto> {
    const { checkedAt, items } = await this.gapsService.gaps();
    return { checkedAt: formatInstant(checkedAt), items };
  }

  @Post('reminders/run')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Send the reminders that are due now (the timer does this every DPA_REMINDER_INTERVAL_SECONDS).' })
  @ApiOkResponse({ type: ReminderRunResponseDto })
  runReminders(): Promise<ReminderRunResponseDto> {
    return this.reminders.runDue();
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'Read one agreement. Another client’s agreement answers 404.' })
  @ApiOkResponse({ type: AgreementResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<AgreementResponseDto> {
    const { agreement, versions } = await this.agreements.get(scopeOf(principal), id);
    return toAgreementResponse(agreement, versions, this.clock.now());
  }

  @Post(':id/versions')
  @Roles(Role.Admin, Role.Staff)
  @Idempotent()
  @ApiOperation({ summary: 'Change the terms after sending: a new draft version from the newest one. Earlier versions stay as they were.' })
  @ApiCreatedResponse({ type: AgreementVersionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'A draft version exists: change that one.' })
  async createVersion(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: NewVersionDto): Promise<AgreementVersionResponseDto> {
    return toVersionResponse(await this.agreements.createVersion(id, dto.terms, principal));
  }

  @Get(':id/versions/:number')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'Read a version: terms, Art. 28(3) completeness, status, hashes, acceptance.' })
  @ApiOkResponse({ type: AgreementVersionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async getVersion(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Param('number', VersionNumber()) number: number): Promise<AgreementVersionResponseDto> {
    return toVersionResponse(await this.agreements.getVersion(scopeOf(principal), id, number));
  }

  @Get(':id/versions/:number/completeness')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'Each item GDPR Art. 28(3) requires, present or missing, with the reason.' })
  @ApiOkResponse({ type: CompletenessResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async completeness(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Param('number', VersionNumber()) number: number): Promise<CompletenessResponseDto> {
    return toCompletenessResponse(await this.agreements.getVersion(scopeOf(principal), id, number));
  }

  @Patch(':id/versions/:number')
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({ summary: 'Change a draft. A value replaces a term, null removes it. A sent version answers 409.' })
  @ApiOkResponse({ type: AgreementVersionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'Not a draft: make a new version.' })
  async updateDraft(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', VersionNumber()) number: number,
    @Body() dto: ChangeTermsDto,
  ): Promise<AgreementVersionResponseDto> {
    return toVersionResponse(await this.agreements.updateDraft(id, number, dto, principal));
  }

  @Post(':id/versions/:number/send')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({
    summary: 'Send a draft to the client (e-mail and webhook with the PDF). Incomplete: 400 listing the missing Art. 28(3) items, unless an admin forces it with a reason.',
  })
  @ApiOkResponse({ type: AgreementVersionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'Not a draft.' })
  async send(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', VersionNumber()) number: number,
    @Body() dto: SendVersionDto,
  ): Promise<AgreementVersionResponseDto> {
    return toVersionResponse(await this.agreements.send(id, number, dto, principal));
  }

  @Post(':id/versions/:number/accept')
  @HttpCode(200)
  @Roles(Role.Client)
  @ApiOperation({ summary: 'The client accepts the version it was sent, naming the SHA-256 of the exact PDF. Who, when, IP and user agent are recorded.' })
  @ApiOkResponse({ type: AgreementVersionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'Not awaiting acceptance, or the hash is not the one of the PDF sent.' })
  async accept(
    @CurrentPrincipal() principal: Principal,
    @CurrentRequestOrigin() origin: RequestOrigin,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', VersionNumber()) number: number,
    @Body() dto: AcceptVersionDto,
  ): Promise<AgreementVersionResponseDto> {
    return toVersionResponse(await this.agreements.accept(scopeOf(principal), id, number, dto, origin, principal));
  }

  @Get(':id/versions/:number/pdf')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @Header('Content-Type', 'application/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The version as PDF, rendered from what is stored: a sent version gives the same bytes as sent.' })
  @ApiOkResponse({ description: 'The PDF.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async pdf(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Param('number', VersionNumber()) number: number): Promise<StreamableFile> {
    const rendered = await this.agreements.render(scopeOf(principal), id, number);
    return new StreamableFile(rendered.pdf, { type: 'application/pdf', disposition: `attachment; filename="${rendered.filename}"`, length: rendered.pdf.length });
  }

  @Get(':id/versions/:number/verify')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'Re-render the version and compare the PDF’s SHA-256 with the hashes recorded at sending and acceptance.' })
  @ApiOkResponse({ type: VerificationResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'A draft has nothing to verify.' })
  verify(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Param('number', VersionNumber()) number: number): Promise<VerificationResponseDto> {
    return this.agreements.verify(scopeOf(principal), id, number);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({ summary: 'Terminate the agreement in force, with the end-of-service choice and the date the data is deleted or returned by (Art. 28(3)(g)).' })
  @ApiOkResponse({ type: AgreementVersionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'No version in force.' })
  async terminate(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TerminateAgreementDto): Promise<AgreementVersionResponseDto> {
    return toVersionResponse(await this.agreements.terminate(id, dto, principal));
  }

  @Post(':id/end-of-service/complete')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({ summary: 'Confirm the data was deleted or returned after termination.' })
  @ApiOkResponse({ type: AgreementVersionResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'Not terminated, or already confirmed.' })
  async completeEndOfService(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompleteEndOfServiceDto): Promise<AgreementVersionResponseDto> {
    return toVersionResponse(await this.agreements.completeEndOfService(id, dto, principal));
  }
}
