import { Inject, Injectable, Logger } from '@nestjs/common';
import { NoticeOutbox, NoticeType } from '@verwerker/notices';
import { ChangeRecorder, Clock, systemActor, TransactionRunner } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { BreachModuleOptions, RESOLVED_BREACH_OPTIONS } from '../breach.module-definition';
import { BreachReminder } from '../incidents/incident.entity';
import { IncidentRepository } from '../incidents/incident.repository';
import { IncidentView, IncidentViews } from '../incidents/incident-view';
import { DueReminder, dueReminders } from '../rules/reminder-schedule';

export interface ReminderRun {
  sent: number;
  escalated: number;
}

/**
 * Reminds the incident handler at the configured points before each open deadline and, once it has passed,
 * escalates to the DPO as well — by e-mail through the notice outbox (internal notices, no client). Safe on every
 * instance at once and across restarts: the reminder row is unique per (incident, deadline, point), so a second
 * run's insert fails and its transaction, notice included, rolls back.
 */
@Injectable()
export class BreachRemindersService {
  private readonly logger = new Logger(BreachRemindersService.name);

  constructor(
    private readonly incidents: IncidentRepository,
    private readonly views: IncidentViews,
    private readonly outbox: NoticeOutbox,
    private readonly transactions: TransactionRunner,
    private readonly changes: ChangeRecorder,
    private readonly clock: Clock,
    @Inject(RESOLVED_BREACH_OPTIONS) private readonly options: BreachModuleOptions,
  ) {}

  async runDue(): Promise<ReminderRun> {
    const run: ReminderRun = { sent: 0, escalated: 0 };
    for (const incident of await this.incidents.open()) {
      const view = await this.views.of(incident);
      for (const due of dueReminders(view.plan.obligations, incident.awareAt, this.clock.now(), this.options.reminderFractions)) {
        if (await this.remind(view, due)) {
          run.sent += 1;
          if (due.escalate) run.escalated += 1;
        }
      }
    }
    return run;
  }

  reminders(incidentId: string): Promise<BreachReminder[]> {
    return this.incidents.reminders(incidentId);
  }

  private async remind(view: IncidentView, due: DueReminder): Promise<boolean> {
    const { incident, profile } = view;
    const dpo = profile?.dpoEmail ?? profile?.contactEmail ?? null;
    const recipients = [...new Set([incident.handlerEmail, ...(due.escalate && dpo ? [dpo] : [])])];
    try {
      await this.transactions.run(async (manager) => {
        const notice = await this.outbox.enqueueInternal(manager, {
          type: NoticeType.BreachDeadlineAlert,
          data: {
            reference: incident.reference,
            incidentTitle: incident.title,
            obligation: due.obligation,
            agreementHours: due.agreementHours,
            openClients: due.openClients,
            deadline: due.deadline.toISOString(),
            point: due.point,
            escalated: due.escalate,
          },
          recipients,
          language: this.options.staffLanguage,
        });
        const point = due.point === 'overdue' ? 'overdue' : String(due.point);
        await this.incidents.insertReminder(manager, Object.assign(new BreachReminder(), { id: randomUUID(), incidentId: incident.id, deadlineKey: due.deadlineKey, point, recipients, noticeId: notice.noticeId, createdAt: this.clock.now() }));
        await this.changes.record(manager, { actor: systemActor('breach-reminders'), action: due.escalate ? 'incident.deadline_escalated' : 'incident.deadline_reminded', subjectType: 'incident', subjectId: incident.id, clientId: null, after: { reference: incident.reference, deadline: due.deadlineKey, point, recipients } });
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      this.logger.error({ err: error, incidentId: incident.id }, 'Breach reminder failed');
      throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } })?.driverError ?? (error as { code?: string });
  const code = driverError?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
