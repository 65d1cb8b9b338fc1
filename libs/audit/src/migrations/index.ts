import { CreateAuditLog1764000300000 } from './1764000300000-create-audit-log';

export const AUDIT_MIGRATIONS = [CreateAuditLog1764000300000];
