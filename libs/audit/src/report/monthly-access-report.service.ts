import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DocumentLanguage, PdfRenderer } from '@verwerker/documents';
import { ClientsService, ProcessorProfileService } from '@verwerker/parties';
import { instantParameter, TenantScope, ValidationError } from '@verwerker/platform';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AccessLogEntry } from '../access/access-entry.entity';
import { CheckpointService } from '../checkpoints/checkpoint.service';
import { drawMonthlyAccessReport, MonthlyAccessFigures, monthlyAccessReportTitle } from './monthly-access-report';

export interface MonthlyAccessReport {
  filename: string;
  pdf: Buffer;
}

@Injectable()
export class MonthlyAccessReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly profiles: ProcessorProfileService,
    private readonly checkpoints: CheckpointService,
    private readonly pdf: PdfRenderer,
  ) {}

  /** The client's report for a calendar month (Europe/Amsterdam), in the client's language. */
  async render(scope: TenantScope, clientId: string, month: string): Promise<MonthlyAccessReport> {
    const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'Europe/Amsterdam' });
    if (!start.isValid) throw new ValidationError([{ field: 'month', messages: ['month must be YYYY-MM, e.g. 2026-10'] }]);
    const client = await this.clients.get(scope, clientId);
    const profile = await this.profiles.find();
    const figures = await this.figures(client.id, start.toJSDate(), start.plus({ months: 1 }).toJSDate());
    const language: DocumentLanguage = client.language;
    const pdf = await this.pdf.render(
      {
        title: monthlyAccessReportTitle(language, month),
        author: profile?.legalName ?? 'verwerker',
        subject: client.legalName,
        language,
        // Fixed by the data, not by the moment of rendering: the same month and checkpoint give the same bytes.
        createdAt: figures.checkpoint?.signedAt ?? start.plus({ months: 1 }).toJSDate(),
        footer: figures.checkpoint ? `checkpoint ${figures.checkpoint.size} · ${figures.checkpoint.headHash.slice(0, 16)}…` : undefined,
      },
      (writer) => drawMonthlyAccessReport(writer, { ...figures, clientName: client.legalName, processorName: profile?.legalName ?? '—', month }, language),
    );
    return { filename: `access-report-${month}-${client.id}.pdf`, pdf };
  }

  private async figures(clientId: string, from: Date, to: Date): Promise<Omit<MonthlyAccessFigures, 'clientName' | 'processorName' | 'month'>> {
    const base = () =>
      this.dataSource
        .getRepository(AccessLogEntry)
        .createQueryBuilder('entry')
        .where('entry.clientId = :clientId', { clientId })
        .andWhere('entry.startedAt >= :from AND entry.startedAt < :to', {
          from: instantParameter(this.dataSource, from),
          to: instantParameter(this.dataSource, to),
        });
    const grouped = async (column: string) =>
      (await base().select(column, 'name').addSelect('COUNT(*)', 'count').groupBy(column).orderBy('count', 'DESC').addOrderBy('name', 'ASC').getRawMany<{ name: string | null; count: string | number }>()).map(
        (row) => ({ name: row.name ?? '', count: Number(row.count) }),
      );
    const byStaffMember = await grouped('entry.staffMemberName');
    const bySystem = await grouped('entry.system');
    const byAction = await grouped('entry.action');
    const { lastSeq } = (await base().select('MAX(entry.seq)', 'lastSeq').getRawOne<{ lastSeq: string | number | null }>()) ?? { lastSeq: null };
    const last = lastSeq === null ? null : Number(lastSeq);
    // A month needs a checkpoint that covers its last entry; sign one now if the timer has not yet.
    const checkpoint = last === null ? null : ((await this.checkpoints.covering('access', last)) ?? (await this.checkpoints.checkpoint('access')));
    return {
      periodStart: from,
      periodEnd: to,
      total: byAction.reduce((sum, row) => sum + row.count, 0),
      byStaffMember,
      bySystem,
      byAction,
      lastSeq: last,
      checkpoint: checkpoint && { size: checkpoint.size, headHash: checkpoint.headHash, signedAt: checkpoint.createdAt, keyId: checkpoint.keyId, signature: checkpoint.signature },
    };
  }
}
