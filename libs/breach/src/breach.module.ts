import { Module } from '@nestjs/common';
import { DocumentsModule } from '@verwerker/documents';
import { BreachController } from './breach.controller';
import { BREACH_MODULE_OPTIONS, BreachModuleOptions, ConfigurableModuleClass, DEFAULT_BREACH_OPTIONS, RESOLVED_BREACH_OPTIONS } from './breach.module-definition';
import { BreachDocuments } from './documents/breach-documents';
import { DraftsService } from './incidents/drafts.service';
import { IncidentRepository } from './incidents/incident.repository';
import { IncidentViews } from './incidents/incident-view';
import { IncidentsService } from './incidents/incidents.service';
import { ClientNoticesService } from './notices/client-notices.service';
import { BreachRegisterService } from './register/breach-register.service';
import { BreachRemindersService } from './reminders/breach-reminders.service';
import { BreachTimers } from './reminders/breach-timers';

/**
 * Incidents, the risk assessment, every deadline, whom to notify, client notices, the AP draft, the NIS2 track,
 * reminders and the Art. 33(5) register. Needs, as global providers: PlatformModule, PartiesModule, AuditModule
 * (ChangeRecorder), NoticesModule (NoticeOutbox), DpaModule (AgreementsInForce) and SubprocessorsModule (RegisterService).
 */
@Module({
  imports: [DocumentsModule.forRoot({})],
  controllers: [BreachController],
  providers: [
    {
      provide: RESOLVED_BREACH_OPTIONS,
      inject: [BREACH_MODULE_OPTIONS],
      useFactory: (options: Partial<BreachModuleOptions>): BreachModuleOptions => resolveBreachOptions(options),
    },
    IncidentRepository,
    IncidentViews,
    IncidentsService,
    ClientNoticesService,
    DraftsService,
    BreachDocuments,
    BreachRegisterService,
    BreachRemindersService,
    BreachTimers,
  ],
  exports: [IncidentsService, ClientNoticesService, DraftsService, BreachRegisterService, BreachRemindersService],
})
export class BreachModule extends ConfigurableModuleClass {}

export function resolveBreachOptions(options: Partial<BreachModuleOptions>): BreachModuleOptions {
  const resolved = { ...DEFAULT_BREACH_OPTIONS, ...Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined)) } as BreachModuleOptions;
  if (!resolved.reminderFractions.every((fraction) => fraction > 0 && fraction < 1)) throw new RangeError('reminderFractions lie strictly between 0 and 1');
  return resolved;
}
