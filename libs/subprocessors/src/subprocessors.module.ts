import { Module } from '@nestjs/common';
import { DocumentsModule } from '@verwerker/documents';
import { SUBPROCESSOR_ANNEX_SOURCE } from '@verwerker/dpa';
import { ChangeRepository } from './changes/change.repository';
import { ChangesService } from './changes/changes.service';
import { ClientTermsSource } from './register/client-terms.source';
import { RegisterRepository } from './register/register.repository';
import { RegisterService } from './register/register.service';
import { SubprocessorTimers } from './subprocessor-timers';
import { SubprocessorsController } from './subprocessors.controller';
import { ConfigurableModuleClass } from './subprocessors.module-definition';

/**
 * The sub-processor register (Art. 28(2) and (4), Chapter V) and its change procedure. Needs, as global
 * providers: PlatformModule, PartiesModule, AuditModule (ChangeRecorder), NoticesModule (NoticeOutbox) and
 * DpaModule (AgreementsInForce). Provides the processor agreements' sub-processor annex.
 */
@Module({
  imports: [DocumentsModule.forRoot({})],
  controllers: [SubprocessorsController],
  providers: [
    RegisterRepository,
    ClientTermsSource,
    RegisterService,
    { provide: SUBPROCESSOR_ANNEX_SOURCE, useExisting: RegisterService },
    ChangeRepository,
    ChangesService,
    SubprocessorTimers,
  ],
  exports: [RegisterService, ChangesService, SUBPROCESSOR_ANNEX_SOURCE],
})
export class SubprocessorsModule extends ConfigurableModuleClass {}
