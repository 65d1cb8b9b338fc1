import { Module } from '@nestjs/common';
import { DocumentsModule } from '@verwerker/documents';
import { ChangeRecorder } from '@verwerker/platform';
import { AccessLogController } from './access/access-log.controller';
import { AccessLogRepository } from './access/access-log.repository';
import { AccessLogService } from './access/access-log.service';
import { AuditTimers } from './audit-timers';
import { AuditController } from './audit.controller';
import { ConfigurableModuleClass } from './audit.module-definition';
import { AuditChain } from './chain/audit-chain';
import { ChangeTrail } from './changes/change-trail';
import { ChangeTrailRepository } from './changes/change-trail.repository';
import { CheckpointService } from './checkpoints/checkpoint.service';
import { MonthlyAccessReportService } from './report/monthly-access-report.service';
import { RetentionPurgeService } from './retention/retention-purge.service';
import { AuditVerificationService } from './verification/audit-verification.service';

/**
 * Tamper-evident staff access logs and the change trail. Provides the ChangeRecorder every other lib writes
 * its changes through (global by default). Needs PlatformModule and PartiesModule.
 */
@Module({
  imports: [DocumentsModule.forRoot({})],
  controllers: [AccessLogController, AuditController],
  providers: [
    AuditChain,
    ChangeTrail,
    { provide: ChangeRecorder, useExisting: ChangeTrail },
    ChangeTrailRepository,
    AccessLogRepository,
    AccessLogService,
    CheckpointService,
    RetentionPurgeService,
    AuditVerificationService,
    MonthlyAccessReportService,
    AuditTimers,
  ],
  exports: [ChangeRecorder, ChangeTrail, AccessLogService, CheckpointService, AuditVerificationService, RetentionPurgeService],
})
export class AuditModule extends ConfigurableModuleClass {}
