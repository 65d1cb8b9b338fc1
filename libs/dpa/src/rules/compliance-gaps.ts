import type { AgreementTerms } from './agreement-terms';
import { assessCompleteness, type Article28Item } from './article-28-completeness';
import { acceptanceOverdue, isInForceAt, isPastDue, type VersionStatus } from './agreement-lifecycle';

export type GapKind = 'no_agreement_in_force' | 'incomplete_terms' | 'awaiting_acceptance' | 'end_of_service_overdue';

export interface GapClient {
  id: string;
  legalName: string;
  status: 'active' | 'ended';
}

export interface GapVersion {
  agreementId: string;
  clientId: string;
  number: number;
  status: VersionStatus;
  terms: AgreementTerms;
  sentAt: Date | null;
  acceptedAt: Date | null;
  supersededAt: Date | null;
  terminatedAt: Date | null;
  endOfServiceDueOn: string | null;
  endOfServiceCompletedAt: Date | null;
}

export interface ComplianceGap {
  kind: GapKind;
  clientId: string;
  clientName: string;
  agreementId: string | null;
  versionNumber: number | null;
  /** What is wrong, in words, for the DPO's list. */
  detail: string;
  /** The items of Art. 28(3) the terms miss (incomplete_terms only). */
  missing?: Article28Item[];
  /** When the gap began, where the data says: the sending, the due date. */
  since: string | null;
  /** For waiting versions: past the reminder threshold. */
  overdue?: boolean;
}

/**
 * Where the processor falls short of Art. 28 (DOMAIN §1), from the clients and their agreement versions:
 * - an active client whose data we process without an agreement in force (Art. 28(3): processing "shall be governed
 *   by a contract");
 * - the version in force, or the newest draft, missing items of Art. 28(3);
 * - versions sent and not yet accepted;
 * - terminations whose deletion or return (Art. 28(3)(g)) is past its due date and not confirmed done.
 */
export function findComplianceGaps(input: {
  clients: GapClient[];
  versions: GapVersion[];
  now: Date;
  /** Today in Amsterdam, YYYY-MM-DD. */
  today: string;
  reminderAfterDays: number;
}): ComplianceGap[] {
  const gaps: ComplianceGap[] = [];
  const byClient = new Map<string, GapVersion[]>();
  for (const version of input.versions) byClient.set(version.clientId, [...(byClient.get(version.clientId) ?? []), version]);

  for (const client of input.clients) {
    const versions = (byClient.get(client.id) ?? []).sort((a, b) => a.number - b.number);
    const base = { clientId: client.id, clientName: client.legalName };
    const inForce = versions.find((version) => isInForceAt(version, input.now)) ?? null;

    if (client.status === 'active' && !inForce) {
      gaps.push({ ...base, kind: 'no_agreement_in_force', agreementId: versions[0]?.agreementId ?? null, versionNumber: null, detail: 'Active client without an accepted processor agreement in force (Art. 28(3)).', since: null });
    }

    const newestDraft = [...versions].reverse().find((version) => version.status === 'draft');
    for (const version of [inForce, newestDraft]) {
      if (!version) continue;
      const report = assessCompleteness(version.terms);
      if (report.complete) continue;
      gaps.push({
        ...base,
        kind: 'incomplete_terms',
        agreementId: version.agreementId,
        versionNumber: version.number,
        detail: `Version ${version.number} (${version.status}) misses ${report.missing.length} item(s) of Art. 28(3).`,
        missing: report.missing,
        since: null,
      });
    }

    for (const version of versions.filter((candidate) => candidate.status === 'sent' && candidate.sentAt)) {
      gaps.push({
        ...base,
        kind: 'awaiting_acceptance',
        agreementId: version.agreementId,
        versionNumber: version.number,
        detail: `Version ${version.number} was sent and is not accepted yet.`,
        since: version.sentAt!.toISOString(),
        overdue: acceptanceOverdue(version.sentAt!, input.now, input.reminderAfterDays),
      });
    }

    for (const version of versions) {
      if (version.status !== 'terminated' || !version.endOfServiceDueOn || version.endOfServiceCompletedAt) continue;
      if (!isPastDue(version.endOfServiceDueOn, input.today)) continue;
      gaps.push({
        ...base,
        kind: 'end_of_service_overdue',
        agreementId: version.agreementId,
        versionNumber: version.number,
        detail: `Deletion or return of the data was due on ${version.endOfServiceDueOn} and is not confirmed done (Art. 28(3)(g)).`,
        since: version.endOfServiceDueOn,
      });
    }
  }
  return gaps;
}
