import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Idempotent, mapPage, pageRequestOf, PageOf, Principal, Role, Roles, scopeOf } from '@verwerker/platform';
import {
  AcknowledgeDto,
  AuthorityFilingDto,
  ClientNoticesQueryDto,
  CloseDto,
  ConfirmBreachDto,
  FollowUpDto,
  InstantDto,
  LanguageQueryDto,
  ListIncidentsQueryDto,
  Nis2ReportDto,
  OverrideDto,
  ReasonDto,
  RegisterQueryDto,
  ReportIncidentDto,
  UpdateIncidentDto,
} from './dto/incident.dto';
import {
  AuthorityDraftDto,
  ClientBreachNoticeDto,
  IncidentResponseDto,
  NoticeRoundDto,
  toAuthorityDraftResponse,
  toClientBreachNoticeResponse,
  toIncidentResponse,
} from './breach.mappers';
import { DraftsService } from './incidents/drafts.service';
import { IncidentFilter } from './incidents/incident.repository';
import { IncidentsService } from './incidents/incidents.service';
import { IncidentRepository } from './incidents/incident.repository';
import { IncidentViews } from './incidents/incident-view';
import { ClientNoticesService } from './notices/client-notices.service';
import { BreachRegisterService } from './register/breach-register.service';
import { BreachRemindersService, ReminderRun } from './reminders/breach-reminders.service';

const STAFF = [Role.Admin, Role.Staff, Role.Dpo] as const;
const ClientBreachNoticePageDto = PageOf(ClientBreachNoticeDto);
const IncidentPageDto = PageOf(IncidentResponseDto);

function filterOf(query: { state?: IncidentFilter['state']; from?: string; to?: string; ownData?: boolean; clientId?: string }): IncidentFilter {
  return { state: query.state, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined, ownData: query.ownData, clientId: query.clientId };
}

@ApiTags('breaches')
@Controller()
export class BreachController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly repository: IncidentRepository,
    private readonly views: IncidentViews,
    private readonly notices: ClientNoticesService,
    private readonly drafts: DraftsService,
    private readonly register: BreachRegisterService,
    private readonly reminders: BreachRemindersService,
  ) {}

  @Post('incidents')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Ingest)
  @Idempotent()
  @ApiOperation({ summary: 'Log an incident (staff, or the control panel with an ingest credential). With `awareAt` it is a breach at once; the affected clients are derived from the services and sub-processors through the agreements, and editable.' })
  @ApiCreatedResponse({ type: IncidentResponseDto })
  async report(@CurrentPrincipal() principal: Principal, @Body() dto: ReportIncidentDto): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.report(dto, principal));
  }

  @Get('incidents')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Incidents, newest last, with what each requires now.' })
  @ApiOkResponse({ type: IncidentPageDto })
  async list(@Query() query: ListIncidentsQueryDto) {
    const page = await this.repository.list(filterOf(query), pageRequestOf(query));
    const items = [];
    for (const incident of page.items) items.push(toIncidentResponse(await this.views.of(incident)));
    return { items, nextCursor: page.nextCursor };
  }

  @Get('incidents/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'One incident: the assessment with reasons, and whom to notify, on what basis and by when (derived now).' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.get(id));
  }

  @Patch('incidents/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Change facts, systems, services, sub-processors, the client list (add/exclude), own data, NIS2 significance. Deadlines and the plan are recomputed.' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateIncidentDto): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.update(id, dto, principal));
  }

  @Post('incidents/:id/investigate')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'reported → investigating (a short investigation before awareness).' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async investigate(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.investigate(id, principal));
  }

  @Post('incidents/:id/confirm-breach')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A personal data breach: records awareness (default now); the Art. 33 clocks start.' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async confirm(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConfirmBreachDto): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.confirmBreach(id, dto.awareAt, principal));
  }

  @Post('incidents/:id/not-a-breach')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Not a personal data breach: kept in the register with the reason (Art. 33(5)).' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async notABreach(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.notABreach(id, dto.reason, principal));
  }

  @Post('incidents/:id/assessment-override')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @ApiOperation({ summary: 'Override the computed risk with a written reason; both are kept and shown.' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async override(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: OverrideDto): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.override(id, dto.risk, dto.reason, principal));
  }

  @Post('incidents/:id/client-notices')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Notify every affected client not yet notified (Art. 33(2)): e-mail, signed webhook and a PDF letter in its language.' })
  @ApiOkResponse({ type: NoticeRoundDto })
  async notify(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NoticeRoundDto> {
    const round = await this.notices.notifyClients(id, principal);
    return { notified: round.notified, incident: toIncidentResponse(round.view) };
  }

  @Post('incidents/:id/follow-ups')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A follow-up (Art. 33(4)) with what changed, to every client notified before.' })
  @ApiOkResponse({ type: NoticeRoundDto })
  async followUp(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: FollowUpDto): Promise<NoticeRoundDto> {
    const round = await this.notices.followUp(id, dto.changes, principal);
    return { notified: round.notified, incident: toIncidentResponse(round.view) };
  }

  @Get('incidents/:id/client-notices')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The notices sent for this incident and who has acknowledged them (`acknowledged=false`: who has not).' })
  @ApiOkResponse({ type: ClientBreachNoticePageDto })
  async incidentNotices(@Param('id', ParseUUIDPipe) id: string, @Query() query: ClientNoticesQueryDto) {
    await this.incidents.find(id);
    return mapPage(await this.notices.list({ kind: 'processor' }, { incidentId: id, acknowledged: query.acknowledged }, pageRequestOf(query)), toClientBreachNoticeResponse);
  }

  @Get('incidents/:id/authority-draft')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The AP notification form answers in the form’s order (our own data), with what is missing marked.' })
  @ApiOkResponse({ type: AuthorityDraftDto })
  async authorityDraft(@Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto): Promise<AuthorityDraftDto> {
    return toAuthorityDraftResponse(await this.drafts.authorityDraft(id, query.language ?? 'nl'));
  }

  @Get('incidents/:id/authority-draft.pdf')
  @Roles(...STAFF)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The AP draft as PDF.' })
  @Header('Content-Type', 'application/pdf')
  async authorityDraftPdf(@Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto): Promise<StreamableFile> {
    const { reference, pdf } = await this.drafts.authorityDraftPdf(id, query.language ?? 'nl');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="ap-melding-${reference}.pdf"` });
  }

  @Post('incidents/:id/authority-filing')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Record when and with which reference the AP notification was filed; after 72 hours `delayReason` is required (Art. 33(1)).' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async authorityFiling(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AuthorityFilingDto): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.recordAuthorityFiling(id, dto, principal));
  }

  @Get('incidents/:id/data-subject-draft')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The communication to data subjects (Art. 34(2)) in plain language, nl or en, with what is missing.' })
  async dataSubjectDraft(@Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto) {
    return this.drafts.dataSubjectDraft(id, query.language ?? 'nl');
  }

  @Get('incidents/:id/data-subject-draft.pdf')
  @Roles(...STAFF)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The communication to data subjects as a PDF letter (nl/en).' })
  @Header('Content-Type', 'application/pdf')
  async dataSubjectDraftPdf(@Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto): Promise<StreamableFile> {
    const { reference, pdf } = await this.drafts.dataSubjectDraftPdf(id, query.language ?? 'nl');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="betrokkenen-${reference}.pdf"` });
  }

  @Post('incidents/:id/data-subjects-communicated')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Record that the data subjects were informed (Art. 34).' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async dataSubjectsCommunicated(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: InstantDto): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.recordDataSubjectCommunication(id, dto.at, principal));
  }

  @Post('incidents/:id/nis2-reports')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Record a NIS2 report to the CSIRT: early warning, incident notification or final report.' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async nis2(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: Nis2ReportDto): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.recordNis2Report(id, dto.stage, dto.submittedAt, principal));
  }

  @Post('incidents/:id/close')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Close: after notification, as document-only, or as not a breach.' })
  @ApiOkResponse({ type: IncidentResponseDto })
  async close(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseDto): Promise<IncidentResponseDto> {
    return toIncidentResponse(await this.incidents.close(id, dto.note, principal));
  }

  @Get('incidents/:id/reminders')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Reminders and escalations sent for this incident.' })
  async incidentReminders(@Param('id', ParseUUIDPipe) id: string) {
    await this.incidents.find(id);
    return (await this.reminders.reminders(id)).map((reminder) => ({ deadlineKey: reminder.deadlineKey, point: reminder.point, recipients: reminder.recipients, noticeId: reminder.noticeId, createdAt: reminder.createdAt.toISOString() }));
  }

  @Post('incidents/reminders/run')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({ summary: 'Run the reminder job now (it also runs on a timer).' })
  async runReminders(): Promise<ReminderRun> {
    return this.reminders.runDue();
  }

  @Get('breach-notices')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'Breach notices: a client sees its own.' })
  @ApiOkResponse({ type: ClientBreachNoticePageDto })
  async clientNotices(@CurrentPrincipal() principal: Principal, @Query() query: ClientNoticesQueryDto) {
    return mapPage(await this.notices.list(scopeOf(principal), { incidentId: query.incidentId, acknowledged: query.acknowledged }, pageRequestOf(query)), toClientBreachNoticeResponse);
  }

  @Get('breach-notices/:id')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'One breach notice; another client’s answers 404.' })
  @ApiOkResponse({ type: ClientBreachNoticeDto })
  async clientNotice(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ClientBreachNoticeDto> {
    return toClientBreachNoticeResponse(await this.notices.get(scopeOf(principal), id));
  }

  @Post('breach-notices/:id/acknowledge')
  @HttpCode(200)
  @Roles(Role.Client)
  @ApiOperation({ summary: 'The client confirms receipt (first confirmation counts).' })
  @ApiOkResponse({ type: ClientBreachNoticeDto })
  async acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AcknowledgeDto): Promise<ClientBreachNoticeDto> {
    return toClientBreachNoticeResponse(await this.notices.acknowledge(scopeOf(principal), id, dto.name, principal));
  }

  @Get('breach-register')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The Art. 33(5) register: every incident, notified or not, with facts, effects, measures, the decision and its reasons.' })
  @ApiOkResponse({ type: [IncidentResponseDto] })
  async registerJson(@Query() query: RegisterQueryDto): Promise<IncidentResponseDto[]> {
    return (await this.register.entries(filterOf(query))).map(toIncidentResponse);
  }

  @Get('breach-register.csv')
  @Roles(...STAFF)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The register as CSV.' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="datalekkenregister.csv"')
  async registerCsv(@Query() query: RegisterQueryDto): Promise<string> {
    return this.register.csv(filterOf(query));
  }

  @Get('breach-register.pdf')
  @Roles(...STAFF)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The register as PDF (nl/en).' })
  @Header('Content-Type', 'application/pdf')
  async registerPdf(@Query() query: RegisterQueryDto): Promise<StreamableFile> {
    return new StreamableFile(await this.register.pdf(filterOf(query), query.language ?? 'nl'), { type: 'application/pdf', disposition: 'attachment; filename="datalekkenregister.pdf"' });
  }
}
