import { Module } from '@nestjs/common';
import { DocumentsModule } from '@verwerker/documents';
import { AgreementDocuments } from './agreements/agreement-documents';
import { AgreementRepository } from './agreements/agreement.repository';
import { AgreementsController } from './agreements/agreements.controller';
import { AgreementsInForce } from './agreements/agreements-in-force.service';
import { AgreementsService } from './agreements/agreements.service';
import { ConfigurableModuleClass } from './dpa.module-definition';
import { ComplianceGapsService } from './gaps/compliance-gaps.service';
import { ProcessingRegisterController } from './register/processing-register.controller';
import { ProcessingRegisterService } from './register/processing-register.service';
import { DpaRemindersService } from './reminders/dpa-reminders.service';
import { DpaTimers } from './reminders/dpa-timers';

/**
 * Processor agreements (verwerkersovereenkomsten, GDPR Art. 28) per client: versions, Art. 28(3) completeness,
 * the lifecycle, deterministic PDFs with a verifiable hash, compliance gaps and the Art. 30(2) record.
 *
 * Needs, as global providers: PlatformModule (Clock, TransactionRunner), PartiesModule (clients, processor profile),
 * AuditModule (ChangeRecorder) and NoticesModule (NoticeOutbox; import it with `global: true`). The sub-processor
 * annex comes from an optional global `SUBPROCESSOR_ANNEX_SOURCE` provider (empty until the register exists).
 */
@Module({
  imports: [DocumentsModule.forRoot({})],
  controllers: [AgreementsController, ProcessingRegisterController],
  providers: [AgreementRepository, AgreementDocuments, AgreementsService, AgreementsInForce, ComplianceGapsService, ProcessingRegisterService, DpaRemindersService, DpaTimers],
  exports: [AgreementsService, AgreementsInForce, ComplianceGapsService, ProcessingRegisterService, DpaRemindersService],
})
export class DpaModule extends ConfigurableModuleClass {}
