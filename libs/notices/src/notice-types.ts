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
  /**
   * Internal: a breach deadline approaching or passed, to the incident handler and (escalated) the DPO. Not a
   * client's notice: it has explicit e-mail recipients and no client (`NoticeOutbox.enqueueInternal`).
   */
  BreachDeadlineAlert = 'breach_deadline_alert',
}

/** The types `enqueueInternal` takes: e-mail to named staff, no client, never a webhook. */
export const INTERNAL_NOTICE_TYPES: readonly NoticeType[] = [NoticeType.BreachDeadlineAlert];

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
  /** Art. 33(4): what changed since the previous notice, for a follow-up. */
  changes?: string | null;
  /** ISO 8601 instant by which the agreement required this notice (awareness + the agreement's hours). */
  deadline?: string | null;
  /** Art. 33(3)(a): approximate number of data subjects concerned, as a range. */
  approximateSubjects?: { min: number; max: number } | null;
  /**
   * A draft risk assessment for the client's own decision (it is the controller; its own 72 hours start now):
   * ENISA severity, the resulting risk and the reasons with their references.
   */
  draftAssessment?: {
    risk: 'unlikely' | 'risk' | 'high';
    severityBand: string;
    severityScore: number;
    notifyAuthority: boolean;
    communicateDataSubjects: boolean;
    reasons: Array<{ reference: string; text: string }>;
  } | null;
  /** The answers to the AP's notification form, pre-filled in the form's order for the client to use. */
  authorityFormAnswers?: Array<{ question: string; answer: string | null }> | null;
  /** Where the client confirms receipt through the API (`POST …`). */
  acknowledgePath?: string | null;
}

export interface BreachDeadlineAlertData {
  reference: string;
  incidentTitle: string;
  /** Which obligation the deadline belongs to. */
  obligation: 'client_notice' | 'authority' | 'nis2_early_warning' | 'nis2_notification' | 'nis2_final_report';
  /** For client notices: the agreement hours of the group and how many clients in it are not yet notified. */
  agreementHours?: number | null;
  openClients?: number | null;
  /** ISO 8601 instant of the deadline. */
  deadline: string;
  /** The reminder point: a fraction of the time between awareness and the deadline, or `overdue`. */
  point: number | 'overdue';
  /** True when the alert goes to the DPO as well (overdue). */
  escalated: boolean;
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
  [NoticeType.BreachDeadlineAlert]: BreachDeadlineAlertData;
}

/** One notice type with its data, typed together so a breach notice cannot be enqueued with DPA data. */
export type NoticeContent = { [K in NoticeType]: { type: K; data: NoticeDataByType[K] } }[NoticeType];
