/**
 * The notices that leave the system, and the data each is rendered from. Callers pass data, never text for
 * the body: the wording lives in the templates, in Dutch and English.
 */
export enum NoticeType {
  /** Art. 33(2): the processor tells the controller of a personal data breach without undue delay. */
  BreachNotice = 'breach_notice',
  /** Art. 28(2): under general authorisation, an intended addition or replacement of a sub-processor. */
  SubprocessorChange = 'subprocessor_change',
  /** A processor agreement (verwerkersovereenkomst) document: offered for signature or confirmed signed. */
  DpaDocument = 'dpa_document',
}

export const NOTICE_TYPES: readonly NoticeType[] = Object.values(NoticeType);

export interface BreachNoticeData {
  /** The processor's reference for the breach, quoted in every follow-up. */
  reference: string;
  /** ISO 8601 instant the processor became aware (the Art. 33 clock starts here). */
  awareAt: string;
  description: string;
  dataCategories: string[];
  dataSubjectCategories: string[];
  approximateRecords?: number | null;
  likelyConsequences: string;
  measuresTaken: string;
  contact: { name: string; email: string; phone?: string | null };
  /** True when this notice is a follow-up with information that was not available before (Art. 33(4)). */
  followUp?: boolean;
}

export interface SubprocessorChangeData {
  change: 'addition' | 'replacement' | 'removal';
  /** general: the client may object until the deadline; specific: the change needs its written approval first. */
  authorisation?: 'general' | 'specific';
  /** The new sub-processor's transfer status (eea, adequacy, safeguards, derogation), with the basis in words. */
  transferStatus?: string | null;
  subprocessorName: string;
  /** The sub-processor being replaced, for a replacement. */
  replaces?: string | null;
  services: string[];
  countries: string[];
  /** ISO date (YYYY-MM-DD) the change takes effect. */
  effectiveDate: string;
  /** ISO date until which the client may object. */
  objectionDeadline: string;
}

export interface DpaDocumentData {
  /** offered: for signature; signed: accepted; reminder: still waiting for acceptance; terminated and
   * end_of_service_due: the agreement ended, and the deletion or return of the data (Art. 28(3)(g)) is due. */
  action: 'offered' | 'signed' | 'reminder' | 'terminated' | 'end_of_service_due';
  agreementTitle: string;
  version: string;
  /** SHA-256 of the exact document, so the client can check the attachment is the one agreed. */
  documentSha256: string;
  signedBy?: string | null;
  signedAt?: string | null;
  /** ISO 8601 instant the version was sent (reminders). */
  sentAt?: string | null;
  /** Art. 28(3)(g): what happens to the data at the end, and the calendar date (YYYY-MM-DD) it is due. */
  endOfService?: 'delete' | 'return' | null;
  endOfServiceDueOn?: string | null;
}

export interface NoticeDataByType {
  [NoticeType.BreachNotice]: BreachNoticeData;
  [NoticeType.SubprocessorChange]: SubprocessorChangeData;
  [NoticeType.DpaDocument]: DpaDocumentData;
}

/** One notice type with its data, typed together so a breach notice cannot be enqueued with DPA data. */
export type NoticeContent = { [K in NoticeType]: { type: K; data: NoticeDataByType[K] } }[NoticeType];
