import type { AgreementLanguage, AgreementTerms, SecurityMeasure, SubprocessorAuthorisation } from './agreement-terms';

/** What a new draft needs from the processor profile (its default terms and measures catalogue). */
export interface ProcessorDefaults {
  defaultBreachNoticeHours: number;
  defaultSubprocessorAuthorisation: SubprocessorAuthorisation;
  defaultObjectionPeriodDays: number;
  measures: SecurityMeasure[];
}

/** What a new draft takes from the client: where notices go, and the language of the document. */
export interface ClientDefaults {
  language: AgreementLanguage;
  noticeRecipients: string[];
}

/**
 * A new draft starts from the processor's defaults (DOMAIN §1: "with the processor's configured default when
 * absent") and the Data Pro Code's standard clauses, which our document writes out for Art. 28(3)(a), (b), (e), (f)
 * and (h). What only the parties can say — subject matter, duration, nature and purpose, the data, the data
 * subjects, the controller's obligations and rights, the end-of-service choice and audit arrangements — is left
 * empty, so the completeness report asks for it instead of the document inventing it.
 */
export function draftTermsFromDefaults(processor: ProcessorDefaults, client: ClientDefaults): AgreementTerms {
  return {
    breachNoticeHours: processor.defaultBreachNoticeHours,
    subprocessorAuthorisation: processor.defaultSubprocessorAuthorisation,
    objectionPeriodDays: processor.defaultObjectionPeriodDays,
    measuresAnnex: processor.measures.map(({ category, description }) => ({ category, description })),
    noticeContacts: [...client.noticeRecipients],
    language: client.language,
    instructionsClause: true,
    confidentialityClause: true,
    assistDataSubjectRights: true,
    assistArticles32to36: true,
    infringingInstructionNotice: true,
  };
}

/**
 * A change to draft terms: a present value replaces, `null` removes, an absent key leaves the term as it is. Arrays
 * and nested values are replaced whole, never merged, so what the drafter sends is what the version says.
 */
export function applyTermsChange(current: AgreementTerms, change: Partial<Record<keyof AgreementTerms, unknown>>): AgreementTerms {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as AgreementTerms;
}

/** The terms the workflows read (breach deadline, sub-processor rights), with the processor's default when absent. */
export interface EffectiveTerms {
  breachNoticeHours: number;
  subprocessorAuthorisation: SubprocessorAuthorisation;
  objectionPeriodDays: number;
  noticeContacts: string[];
  language: AgreementLanguage;
  services: string[];
  dataCategories: string[];
  dataSubjectCategories: string[];
  minorsInvolved: boolean;
  specialCategories: boolean;
}

export function effectiveTerms(terms: AgreementTerms | null, processor: ProcessorDefaults, client: ClientDefaults): EffectiveTerms {
  return {
    breachNoticeHours: terms?.breachNoticeHours ?? processor.defaultBreachNoticeHours,
    subprocessorAuthorisation: terms?.subprocessorAuthorisation ?? processor.defaultSubprocessorAuthorisation,
    objectionPeriodDays: terms?.objectionPeriodDays ?? processor.defaultObjectionPeriodDays,
    noticeContacts: terms?.noticeContacts?.length ? [...terms.noticeContacts] : [...client.noticeRecipients],
    language: terms?.language ?? client.language,
    services: [...(terms?.services ?? [])],
    dataCategories: [...(terms?.dataCategories ?? [])],
    dataSubjectCategories: [...(terms?.dataSubjectCategories ?? [])],
    minorsInvolved: terms?.minorsInvolved ?? false,
    specialCategories: terms?.specialCategories ?? false,
  };
}
