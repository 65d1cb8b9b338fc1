import { Inject, Injectable, Logger } from '@nestjs/common';
import { NoticeOutbox, NoticeType } from '@verwerker/notices';
import { ChangeRecorder, Clock, PROCESSOR_SCOPE, systemActor, TransactionRunner } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { AgreementDocuments } from '../agreements/agreement-documents';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { AgreementRepository } from '../agreements/agreement.repository';
import { amsterdamDate, AgreementsService } from '../agreements/agreements.service';
import { DPA_MODULE_OPTIONS, DpaModuleOptions } from '../dpa.module-definition';
import { acceptanceOverdue, isDue } from '../rules/agreement-lifecycle';
import { DpaReminder, ReminderKind } from './dpa-reminder.entity';

export interface ReminderRun {
  acceptanceReminders: number;
  endOfServiceReminders: number;
}

/**
 * Reminds a client once of a version it has not accepted after `reminderAfterDays`, and once when the deletion or
 * return of its data falls due after termination (Art. 28(3)(g)). Safe to run on every instance at once: the
 * reminder row is unique per (version, kind), so a concurrent second run fails its insert and its transaction —
 * notice included — rolls back.
 */
@Injectable()
export class DpaRemindersService {
  private readonly logger = new Logger(DpaRemindersService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agreements: AgreementRepository,
    private readonly service: AgreementsService,
    private readonly documents: AgreementDocuments,
    private readonly outbox: NoticeOutbox,
    private readonly changes: ChangeRecorder,
    private readonly clock: Clock,
    @Inject(DPA_MODULE_OPTIONS) private readonly options: DpaModuleOptions,
  ) {}

  async runDue(): Promise<ReminderRun> {
    const now = this.clock.now();
    const today = amsterdamDate(now);
    let acceptanceReminders = 0;
    let endOfServiceReminders = 0;
    for (const version of await this.agreements.versionsInStatus('sent')) {
      if (!version.sentAt || !acceptanceOverdue(version.sentAt, now, this.options.reminderAfterDays)) continue;
      if (await this.remind(version, 'acceptance')) acceptanceReminders += 1;
    }
    for (const version of await this.agreements.versionsInStatus('terminated')) {
      if (!version.endOfServiceDueOn || version.endOfServiceCompletedAt || !isDue(version.endOfServiceDueOn, today)) continue;
      if (await this.remind(version, 'end_of_service_due')) endOfServiceReminders += 1;
    }
    return { acceptanceReminders, endOfServiceReminders };
  }

  /** True when this run sent the reminder; false when one was sent before (by this or another instance). */
  private async remind(version: AgreementVersion, kind: ReminderKind): Promise<boolean> {
    const actor = systemActor('dpa-reminders');
    try {
      await this.transactions.run(async (manager) => {
        const agreement = await this.agreements.findAgreement(PROCESSOR_SCOPE, version.agreementId, manager);
        if (!agreement) return;
        await manager.getRepository(DpaReminder).insert({ id: randomUUID(), versionId: version.id, clientId: version.clientId, kind, createdAt: this.clock.now() });
        if (kind === 'acceptance') {
          const rendered = await this.documents.render(agreement, version);
          await this.service.enqueueDocument(manager, agreement, version, rendered, { action: 'reminder', sentAt: version.sentAt!.toISOString() });
        } else {
          await this.outbox.enqueue(manager, {
            clientId: version.clientId,
            type: NoticeType.DpaDocument,
            data: { action: 'end_of_service_due', agreementTitle: agreement.title, version: String(version.number), documentSha256: version.documentSha256 ?? '', endOfService: version.endOfService, endOfServiceDueOn: version.endOfServiceDueOn },
          });
        }
        await this.changes.record(manager, { actor, action: `agreement_version.reminder_sent`, subjectType: 'agreement_version', subjectId: version.id, clientId: version.clientId, after: { number: version.number, kind } });
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } })?.driverError ?? (error as { code?: string });
  const code = driverError?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
