import { formatInstant, formatOptionalInstant } from '@verwerker/platform';
import { AccessLogEntry } from './access/access-entry.entity';
import { AccessEntryResponseDto } from './access/dto/access-entry.dto';
import { flagNames } from './access/rules/access-flags';
import { ChangeTrailEntry } from './changes/change-trail-entry.entity';
import { AuditCheckpoint } from './checkpoints/audit-checkpoint.entity';
import { ChangeTrailEntryResponseDto, CheckpointResponseDto } from './dto/audit.dto';

export function toAccessEntryResponse(entry: AccessLogEntry, withFlags: boolean): AccessEntryResponseDto {
  return {
    id: entry.id,
    seq: entry.seq,
    externalEventId: entry.externalEventId,
    clientId: entry.clientId,
    staffMember: entry.staffMemberId ? { id: entry.staffMemberId, displayName: entry.staffMemberName ?? '' } : null,
    system: entry.system,
    action: entry.action,
    startedAt: formatInstant(entry.startedAt),
    endedAt: formatOptionalInstant(entry.endedAt),
    reason: entry.reason,
    sourceIp: entry.sourceIp,
    sessionId: entry.sessionId,
    recordedAt: formatInstant(entry.recordedAt),
    ...(withFlags ? { flags: flagNames(entry.flags) } : {}),
    entryHash: entry.entryHash,
    purgedAt: formatOptionalInstant(entry.purgedAt),
  };
}

export function toChangeTrailResponse(entry: ChangeTrailEntry): ChangeTrailEntryResponseDto {
  return {
    id: entry.id,
    seq: entry.seq,
    occurredAt: formatInstant(entry.occurredAt),
    actorRole: entry.actorRole,
    actorKind: entry.actorKind,
    actorLabel: entry.actorLabel,
    clientId: entry.clientId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    summary: entry.summary,
    entryHash: entry.entryHash,
    purgedAt: formatOptionalInstant(entry.purgedAt),
  };
}

export function toCheckpointResponse(checkpoint: AuditCheckpoint): CheckpointResponseDto {
  return {
    stream: checkpoint.stream,
    size: checkpoint.size,
    headHash: checkpoint.headHash,
    createdAt: formatInstant(checkpoint.createdAt),
    signedAt: checkpoint.createdAt.toISOString(),
    keyId: checkpoint.keyId,
    signature: checkpoint.signature,
  };
}
