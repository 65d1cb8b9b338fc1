/**
 * The terms of one version of a processor agreement (verwerkersovereenkomst, GDPR Art. 28), as plain data.
 *
 * Every field is optional: a draft is saved while it is still being written, and completeness is judged
 * separately (see article-28-completeness.ts) so that a draft can say what it still lacks.
 */
export interface AgreementTerms {
  /** Art. 28(3): subject matter of the processing (onderwerp). */
  subjectMatter?: string;
  /** Art. 28(3): duration (duur); either a fixed end date or as long as the client uses the service. */
  duration?: AgreementDuration;
  /** Art. 28(3): nature and purpose of the processing (aard en doel). */
  natureAndPurpose?: string;
  /** Art. 28(3): types of personal data (soort persoonsgegevens). */
  dataCategories?: string[];
  /** Art. 28(3): categories of data subjects (categorieën van betrokkenen). */
  dataSubjectCategories?: string[];
  /** Children's data raises the risk context (ENISA DPC, Art. 8); recorded, not required by Art. 28(3). */
  minorsInvolved?: boolean;
  /** Art. 9 special categories; raises the risk context of a breach. */
  specialCategories?: boolean;
  /** Services the client uses, and so which sub-processors touch its data. */
  services?: string[];
  /** Processor → client breach notice deadline in hours (Art. 33(2)); the breach workflow reads it. */
  breachNoticeHours?: number;
  /** Art. 28(2): prior specific or general written authorisation of sub-processors. */
  subprocessorAuthorisation?: SubprocessorAuthorisation;
  /** Art. 28(2): under general authorisation, how long the client has to object to a change. */
  objectionPeriodDays?: number;
  /** E-mail addresses the client's notices go to (breaches, sub-processor changes). */
  noticeContacts?: string[];
  language?: AgreementLanguage;
  /** Art. 28(3)(g): the client's choice at the end of the service. */
  endOfService?: EndOfService;
  /** Retention while the service runs and after its end, in the agreement's words. */
  retention?: string;
  /** Art. 28(3)(h): how the processor demonstrates compliance and allows audits and inspections. */
  auditArrangements?: string;
  /** Art. 28(3)(b): persons authorised to process are bound to confidentiality. */
  confidentialityClause?: boolean;
  /** Art. 28(3)(a): processing only on documented instructions, transfers to third countries included. */
  instructionsClause?: boolean;
  /** Art. 28(3)(c), Art. 32: the annex of technical and organisational measures. */
  measuresAnnex?: SecurityMeasure[];
  /** Art. 28(3)(e): assistance with data subjects' requests (Chapter III). */
  assistDataSubjectRights?: boolean;
  /** Art. 28(3)(f): assistance with Art. 32 to 36 (security, breach notification, DPIA, prior consultation). */
  assistArticles32to36?: boolean;
  /** Art. 28(3), closing words: the processor tells the client at once when an instruction infringes the law. */
  infringingInstructionNotice?: boolean;
  /** Art. 28(3): the controller's obligations and rights. */
  controllerObligationsAndRights?: string;
}

export type AgreementDuration = { kind: 'fixed'; until: string } | { kind: 'service_term' };

export type SubprocessorAuthorisation = 'general' | 'specific';

export type AgreementLanguage = 'nl' | 'en';

export type EndOfService = 'delete' | 'return';

/** One row of the measures annex, e.g. { category: 'Access control', description: 'MFA for all admin accounts' }. */
export interface SecurityMeasure {
  category: string;
  description: string;
}
