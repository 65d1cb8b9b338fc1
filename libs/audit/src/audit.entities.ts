import { AccessLogEntry } from './access/access-entry.entity';
import { AuditChainHead } from './chain/chain-head.entity';
import { ChangeTrailEntry } from './changes/change-trail-entry.entity';
import { AuditCheckpoint } from './checkpoints/audit-checkpoint.entity';

export const AUDIT_ENTITIES = [AccessLogEntry, ChangeTrailEntry, AuditChainHead, AuditCheckpoint];
