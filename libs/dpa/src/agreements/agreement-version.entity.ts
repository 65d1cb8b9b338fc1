import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AgreementTerms, EndOfService } from '../rules/agreement-terms';
import type { VersionStatus } from '../rules/agreement-lifecycle';
import type { SubprocessorAnnexEntry } from './subprocessor-annex';

/** Who the agreement is between, frozen into the version so a re-render years later shows the same parties. */
export interface AgreementParties {
  processor: {
    legalName: string;
    kvkNumber: string | null;
    streetAddress: string;
    postalCode: string;
    city: string;
    country: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string | null;
    dpoName: string | null;
    dpoEmail: string | null;
  };
  client: { legalName: string; kvkNumber: string | null; country: string; privacyContactName: string; privacyContactEmail: string };
}

/**
 * One version of an agreement. Editable while draft; from sending on its content (terms, parties, sub-processor
 * annex) is fixed and hashed, and the later columns only record what happened to it.
 */
@Entity({ name: 'dpa_agreement_version' })
@Index('ux_dpa_version_number', ['agreementId', 'number'], { unique: true })
@Index('ix_dpa_version_client_status', ['clientId', 'status'])
export class AgreementVersion {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'agreement_id', length: 36 })
  agreementId: string;

  /** Copied from the agreement so every read can be scoped to the client (tenancy in the data layer). */
  @Column('varchar', { name: 'client_id', length: 36 })
  clientId: string;

  @Column('integer')
  number: number;

  @Column('varchar', { length: 12 })
  status: VersionStatus;

  @Column('json')
  terms: AgreementTerms;

  @Column('json')
  parties: AgreementParties;

  /** Snapshot of the sub-processor register at sending (Art. 28(2)); null while draft. */
  @Column('json', { nullable: true })
  subprocessors: SubprocessorAnnexEntry[] | null;

  /** SHA-256 of the canonical content (terms, parties, annex, version): printed in the document's footer. */
  @Column('varchar', { name: 'content_sha256', length: 64, nullable: true })
  contentSha256: string | null;

  /** SHA-256 of the exact PDF bytes sent. */
  @Column('varchar', { name: 'document_sha256', length: 64, nullable: true })
  documentSha256: string | null;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;

  @Column('varchar', { name: 'created_by', length: 200 })
  createdBy: string;

  @Column({ type: Date, name: 'updated_at' })
  updatedAt: Date;

  @Column({ type: Date, name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @Column('varchar', { name: 'sent_by', length: 200, nullable: true })
  sentBy: string | null;

  /** Sent although Art. 28(3) items were missing, by an admin, with a written reason. */
  @Column('boolean', { name: 'forced_incomplete', default: false })
  forcedIncomplete: boolean;

  @Column('text', { name: 'force_reason', nullable: true })
  forceReason: string | null;

  @Column({ type: Date, name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: Date, name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  /** The person who accepted for the client, as they named themselves. */
  @Column('varchar', { name: 'accepted_by_name', length: 200, nullable: true })
  acceptedByName: string | null;

  @Column('varchar', { name: 'accepted_by_function', length: 200, nullable: true })
  acceptedByFunction: string | null;

  /** The client credential that accepted (API key id or JWT subject) and its label. */
  @Column('varchar', { name: 'accepted_credential_id', length: 300, nullable: true })
  acceptedCredentialId: string | null;

  @Column('varchar', { name: 'accepted_credential_label', length: 200, nullable: true })
  acceptedCredentialLabel: string | null;

  @Column('varchar', { name: 'accepted_ip', length: 64, nullable: true })
  acceptedIp: string | null;

  @Column('varchar', { name: 'accepted_user_agent', length: 500, nullable: true })
  acceptedUserAgent: string | null;

  /** SHA-256 of the exact PDF the client accepted (it must equal documentSha256). */
  @Column('varchar', { name: 'accepted_document_sha256', length: 64, nullable: true })
  acceptedDocumentSha256: string | null;

  @Column({ type: Date, name: 'superseded_at', nullable: true })
  supersededAt: Date | null;

  @Column('integer', { name: 'superseded_by_number', nullable: true })
  supersededByNumber: number | null;

  @Column({ type: Date, name: 'terminated_at', nullable: true })
  terminatedAt: Date | null;

  @Column('text', { name: 'termination_reason', nullable: true })
  terminationReason: string | null;

  /** Art. 28(3)(g): what happens to the data at the end, and by when (calendar date, Amsterdam). */
  @Column('varchar', { name: 'end_of_service', length: 10, nullable: true })
  endOfService: EndOfService | null;

  @Column('varchar', { name: 'end_of_service_due_on', length: 10, nullable: true })
  endOfServiceDueOn: string | null;

  @Column({ type: Date, name: 'end_of_service_completed_at', nullable: true })
  endOfServiceCompletedAt: Date | null;

  @Column('text', { name: 'end_of_service_note', nullable: true })
  endOfServiceNote: string | null;
}
