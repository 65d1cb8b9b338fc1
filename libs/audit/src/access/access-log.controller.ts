import { Body, Controller, Get, Header, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, DomainError, PageOf, Principal, ProblemCode, ProblemDetailsDto, Role, Roles, scopeOf, ValidationError } from '@verwerker/platform';
import type { Response } from 'express';
import { ApiBadRequestResponse } from '@nestjs/swagger';
import { toAccessEntryResponse } from '../audit.mappers';
import { AccessFlagQueryDto, AccessLogQueryDto, MonthlyReportQueryDto } from '../dto/audit.dto';
import { MonthlyAccessReportService } from '../report/monthly-access-report.service';
import { SeqPage } from '../seq-cursor';
import { accessCsvHeader, accessCsvRow } from './access-log.csv';
import { AccessLogFilter } from './access-log.repository';
import { AccessLogService } from './access-log.service';
import { AccessEntryBatchDto, AccessEntryDto, AccessEntryResponseDto, IngestResultDto } from './dto/access-entry.dto';
import { flagBit } from './rules/access-flags';

const AccessEntryPageDto = PageOf(AccessEntryResponseDto);
const CSV_MAX_ROWS = 100_000;
const READERS = [Role.Admin, Role.Staff, Role.Dpo, Role.Client] as const;

@ApiTags('access-log')
@ApiBadRequestResponse({ description: 'Invalid input, one entry per field (`entries.<index>.<field>` for batches).', type: ProblemDetailsDto })
@Controller('access-log')
export class AccessLogController {
  constructor(
    private readonly accessLog: AccessLogService,
    private readonly reports: MonthlyAccessReportService,
  ) {}

  @Post('entries')
  @Roles(Role.Ingest, Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Log one staff access to a client system. Idempotent by externalEventId.' })
  @ApiBody({ type: AccessEntryDto })
  @ApiCreatedResponse({ type: IngestResultDto })
  ingestOne(@Body() body: unknown): Promise<IngestResultDto> {
    return this.accessLog.ingest(body, 'single');
  }

  @Post('entries/batch')
  @Roles(Role.Ingest, Role.Staff, Role.Admin)
  @ApiOperation({
    summary: 'Log up to 1,000 accesses at once. All or nothing: one bad entry refuses the batch, naming every bad entry and field. Re-sent entries (same externalEventId) add nothing.',
  })
  @ApiBody({ type: AccessEntryBatchDto })
  @ApiCreatedResponse({ type: IngestResultDto })
  ingestBatch(@Body() body: unknown): Promise<IngestResultDto> {
    return this.accessLog.ingest(body, 'batch');
  }

  @Get('entries')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Access entries in time order. A client credential reads its own only.' })
  @ApiOkResponse({ type: AccessEntryPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AccessLogQueryDto): Promise<SeqPage<AccessEntryResponseDto>> {
    return this.page(principal, filterOf(query), query);
  }

  @Get('entries.csv')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The same entries as CSV (up to 100,000 rows; narrow the period for more).' })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async csv(@CurrentPrincipal() principal: Principal, @Query() query: AccessLogQueryDto, @Res({ passthrough: true }) response: Response): Promise<string> {
    const withFlags = principal.role !== Role.Client;
    const lines = [accessCsvHeader(withFlags)];
    let cursor: string | undefined;
    do {
      const page = await this.accessLog.list(scopeOf(principal), filterOf(query), 1000, cursor);
      for (const entry of page.items) lines.push(accessCsvRow(entry, withFlags));
      cursor = page.nextCursor ?? undefined;
      if (lines.length > CSV_MAX_ROWS) {
        throw new DomainError(ProblemCode.PayloadTooLarge, 413, 'Too many rows', `More than ${CSV_MAX_ROWS} entries match: narrow the period.`);
      }
    } while (cursor);
    response.setHeader('Content-Disposition', 'attachment; filename="access-log.csv"');
    return lines.join('');
  }

  @Get('flags')
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @ApiOperation({ summary: 'Accesses for the DPO to review: without a reason, to a client without an agreement in force, outside working hours, exports and deletions.' })
  @ApiOkResponse({ type: AccessEntryPageDto })
  async flags(@CurrentPrincipal() principal: Principal, @Query() query: AccessFlagQueryDto): Promise<SeqPage<AccessEntryResponseDto>> {
    const filter: AccessLogFilter = { ...filterOf(query), ...(query.flag ? { flagBit: flagBit(query.flag) } : { anyFlag: true }) };
    return this.page(principal, filter, query);
  }

  @Get('reports/monthly')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Monthly access report (PDF, in the client’s language) with totals per staff member and system and the signed checkpoint covering the month.' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF.' })
  async monthly(@CurrentPrincipal() principal: Principal, @Query() query: MonthlyReportQueryDto): Promise<StreamableFile> {
    const clientId = principal.role === Role.Client ? principal.clientId! : query.clientId;
    if (!clientId) throw new ValidationError([{ field: 'clientId', messages: ['clientId is required for processor roles'] }]);
    const report = await this.reports.render(scopeOf(principal), clientId, query.month);
    return new StreamableFile(report.pdf, { type: 'application/pdf', disposition: `attachment; filename="${report.filename}"` });
  }

  private async page(principal: Principal, filter: AccessLogFilter, query: { limit?: number; cursor?: string }): Promise<SeqPage<AccessEntryResponseDto>> {
    const page = await this.accessLog.list(scopeOf(principal), filter, query.limit ?? 100, query.cursor);
    const withFlags = principal.role !== Role.Client;
    return { items: page.items.map((entry) => toAccessEntryResponse(entry, withFlags)), nextCursor: page.nextCursor };
  }
}

function filterOf(query: AccessLogQueryDto): AccessLogFilter {
  return {
    clientId: query.clientId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    staffMemberId: query.staffMemberId,
    system: query.system,
    action: query.action,
  };
}
