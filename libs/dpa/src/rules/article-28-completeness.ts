import type { AgreementTerms } from './agreement-terms';

/**
 * What GDPR Art. 28(3) requires a processor agreement to contain, in the order of the article: first what the
 * agreement must set out, then points (a) to (h) the processor must be obliged to. The labels are for the
 * agreement document (PDF) and the completeness report, in the two languages an agreement can have.
 */
export const ARTICLE_28_ITEMS = [
  {
    item: 'subject_matter',
    reference: 'GDPR Art. 28(3)',
    label: { en: 'Subject matter of the processing', nl: 'Onderwerp van de verwerking' },
  },
  {
    item: 'duration',
    reference: 'GDPR Art. 28(3)',
    label: { en: 'Duration of the processing', nl: 'Duur van de verwerking' },
  },
  {
    item: 'nature_and_purpose',
    reference: 'GDPR Art. 28(3)',
    label: { en: 'Nature and purpose of the processing', nl: 'Aard en doel van de verwerking' },
  },
  {
    item: 'data_types',
    reference: 'GDPR Art. 28(3)',
    label: { en: 'Types of personal data', nl: 'Soort persoonsgegevens' },
  },
  {
    item: 'data_subject_categories',
    reference: 'GDPR Art. 28(3)',
    label: { en: 'Categories of data subjects', nl: 'Categorieën van betrokkenen' },
  },
  {
    item: 'controller_obligations_rights',
    reference: 'GDPR Art. 28(3)',
    label: {
      en: 'Obligations and rights of the controller',
      nl: 'Rechten en verplichtingen van de verwerkingsverantwoordelijke',
    },
  },
  {
    item: 'a_documented_instructions',
    reference: 'GDPR Art. 28(3)(a)',
    label: {
      en: 'Processing only on documented instructions, transfers to third countries included',
      nl: 'Verwerking uitsluitend op basis van schriftelijke instructies, ook wat betreft doorgifte naar derde landen',
    },
  },
  {
    item: 'b_confidentiality',
    reference: 'GDPR Art. 28(3)(b)',
    label: {
      en: 'Confidentiality of persons authorised to process',
      nl: 'Geheimhouding van personen die gemachtigd zijn de gegevens te verwerken',
    },
  },
  {
    item: 'c_security_measures',
    reference: 'GDPR Art. 28(3)(c)',
    label: {
      en: 'Security measures required by Article 32',
      nl: 'Beveiligingsmaatregelen die artikel 32 vereist',
    },
  },
  {
    item: 'd_subprocessor_conditions',
    reference: 'GDPR Art. 28(3)(d)',
    label: {
      en: 'Conditions for engaging sub-processors (Article 28(2) and (4))',
      nl: 'Voorwaarden voor het inschakelen van subverwerkers (artikel 28, leden 2 en 4)',
    },
  },
  {
    item: 'e_data_subject_rights',
    reference: 'GDPR Art. 28(3)(e)',
    label: {
      en: "Assistance with data subjects' requests",
      nl: 'Bijstand bij verzoeken van betrokkenen',
    },
  },
  {
    item: 'f_assist_art_32_36',
    reference: 'GDPR Art. 28(3)(f)',
    label: {
      en: 'Assistance with Articles 32 to 36: security, breach notification, DPIA, prior consultation',
      nl: 'Bijstand bij de artikelen 32 tot en met 36: beveiliging, melding van datalekken, DPIA, voorafgaande raadpleging',
    },
  },
  {
    item: 'g_end_of_service',
    reference: 'GDPR Art. 28(3)(g)',
    label: {
      en: 'Deletion or return of all personal data at the end of the service',
      nl: 'Verwijdering of teruggave van alle persoonsgegevens na afloop van de dienstverlening',
    },
  },
  {
    item: 'h_demonstrate_compliance_audits',
    reference: 'GDPR Art. 28(3)(h)',
    label: {
      en: 'Information to demonstrate compliance, audits, and notice of infringing instructions',
      nl: 'Informatie om naleving aan te tonen, audits, en melding van inbreukmakende instructies',
    },
  },
] as const satisfies readonly Article28ItemDefinition[];

interface Article28ItemDefinition {
  item: string;
  reference: string;
  label: { en: string; nl: string };
}

export type Article28Item = (typeof ARTICLE_28_ITEMS)[number]['item'];

export interface Article28Finding {
  item: Article28Item;
  reference: string;
  present: boolean;
  /** What the agreement provides, or exactly what it lacks. */
  reason: string;
}

export interface CompletenessReport {
  /** Every item of Art. 28(3), in the article's order, present or not. */
  findings: Article28Finding[];
  complete: boolean;
  missing: Article28Item[];
}

/** The breach workflow counts the processor → client deadline in whole hours; beyond 72 the client's own
 * Art. 33(1) deadline could be gone before it is even told. */
export const BREACH_NOTICE_HOURS_RANGE = { min: 1, max: 72 } as const;

/**
 * Says, for every item Art. 28(3) requires, whether these terms provide it. An agreement that misses one is
 * incomplete, and the report names what is missing so the drafter can fix exactly that.
 */
export function assessCompleteness(terms: AgreementTerms): CompletenessReport {
  const findings = ARTICLE_28_ITEMS.map(({ item, reference }): Article28Finding => {
    const check = CHECKS[item](terms);
    const present = check.gaps.length === 0;
    return { item, reference, present, reason: present ? check.provided : `Missing: ${check.gaps.join('; ')}.` };
  });
  const missing = findings.filter((finding) => !finding.present).map((finding) => finding.item);
  return { findings, complete: missing.length === 0, missing };
}

/** `gaps` lists each missing part in words; `provided` describes the item when nothing is missing. */
interface ItemCheck {
  gaps: string[];
  provided: string;
}

const CHECKS: Record<Article28Item, (terms: AgreementTerms) => ItemCheck> = {
  subject_matter: (terms) => requireText(terms.subjectMatter, 'subject matter of the processing'),
  duration: checkDuration,
  nature_and_purpose: (terms) => requireText(terms.natureAndPurpose, 'nature and purpose of the processing'),
  data_types: checkDataTypes,
  data_subject_categories: (terms) =>
    requireList(terms.dataSubjectCategories, 'categories of data subjects', 'category of data subjects'),
  controller_obligations_rights: (terms) =>
    requireText(terms.controllerObligationsAndRights, "the controller's obligations and rights"),
  a_documented_instructions: (terms) =>
    requireClause(
      terms.instructionsClause,
      'clause that the processor processes only on documented instructions, transfers to third countries included',
    ),
  b_confidentiality: (terms) =>
    requireClause(terms.confidentialityClause, 'clause binding persons authorised to process to confidentiality'),
  c_security_measures: checkSecurityMeasures,
  d_subprocessor_conditions: checkSubprocessorConditions,
  e_data_subject_rights: (terms) =>
    requireClause(terms.assistDataSubjectRights, "clause that the processor assists with data subjects' requests"),
  f_assist_art_32_36: checkAssistArticles32to36,
  g_end_of_service: checkEndOfService,
  h_demonstrate_compliance_audits: checkComplianceAndAudits,
};

function requireText(value: string | undefined, what: string): ItemCheck {
  return hasText(value) ? { gaps: [], provided: `The ${what} is described.` } : { gaps: [what], provided: '' };
}

function requireList(values: string[] | undefined, what: string, one: string): ItemCheck {
  const count = filledIn(values).length;
  return count > 0
    ? { gaps: [], provided: `${count} ${count === 1 ? one : what} listed.` }
    : { gaps: [`${what} (at least one)`], provided: '' };
}

/** A clause is there only when it was explicitly included: absent and false both mean missing. */
function requireClause(included: boolean | undefined, clause: string): ItemCheck {
  return included === true
    ? { gaps: [], provided: `The ${clause} is included.` }
    : { gaps: [clause], provided: '' };
}

function checkDuration(terms: AgreementTerms): ItemCheck {
  const duration = terms.duration;
  if (duration === undefined) {
    return { gaps: ['duration of the processing (a fixed end date, or for as long as the service runs)'], provided: '' };
  }
  if (duration.kind === 'service_term') {
    return { gaps: [], provided: 'For as long as the client uses the service.' };
  }
  // A "fixed" duration without a real date sets no duration at all; whether the date is still in the future
  // is the lifecycle's concern, not the content's, and would need a clock.
  return isIsoDate(duration.until)
    ? { gaps: [], provided: `Fixed, until ${duration.until}.` }
    : { gaps: ['end date of the fixed duration (a valid ISO date, e.g. 2027-12-31)'], provided: '' };
}

function checkDataTypes(terms: AgreementTerms): ItemCheck {
  const check = requireList(terms.dataCategories, 'types of personal data', 'type of personal data');
  if (check.gaps.length > 0 || terms.specialCategories !== true) return check;
  // Worth repeating in the report: special categories raise the stakes of every later breach assessment.
  return { ...check, provided: `${check.provided.slice(0, -1)}, special categories (Art. 9) included.` };
}

function checkSecurityMeasures(terms: AgreementTerms): ItemCheck {
  // A row without a description describes no measure; it does not count towards the annex.
  const measures = (terms.measuresAnnex ?? []).filter(
    (measure) => hasText(measure.category) && hasText(measure.description),
  );
  return measures.length > 0
    ? { gaps: [], provided: `Annex of technical and organisational measures with ${measures.length} measure(s) (Art. 32).` }
    : {
        gaps: ['annex of technical and organisational measures (Art. 32) with at least one measure, category and description'],
        provided: '',
      };
}

function checkSubprocessorConditions(terms: AgreementTerms): ItemCheck {
  switch (terms.subprocessorAuthorisation) {
    case 'specific':
      // Art. 28(2): each sub-processor needs the client's prior written approval, so there is nothing to object to.
      return { gaps: [], provided: 'Prior specific written authorisation for each sub-processor (Art. 28(2)).' };
    case 'general':
      // Art. 28(2): under general authorisation the client must get the opportunity to object to each change,
      // which needs a period to object in.
      return isPositiveWholeNumber(terms.objectionPeriodDays)
        ? {
            gaps: [],
            provided: `General written authorisation; the client can object to a change within ${terms.objectionPeriodDays} days (Art. 28(2)).`,
          }
        : {
            gaps: [
              'objection period in days (more than 0): under general authorisation the client must be able to object to each intended addition or replacement (Art. 28(2))',
            ],
            provided: '',
          };
    default:
      return { gaps: ['sub-processor authorisation: prior specific or general written authorisation (Art. 28(2))'], provided: '' };
  }
}

function checkAssistArticles32to36(terms: AgreementTerms): ItemCheck {
  const gaps: string[] = [];
  if (terms.assistArticles32to36 !== true) {
    gaps.push('clause that the processor assists with Art. 32 to 36 (security, breach notification, DPIA, prior consultation)');
  }
  if (!isBreachNoticeHours(terms.breachNoticeHours)) {
    const { min, max } = BREACH_NOTICE_HOURS_RANGE;
    gaps.push(
      `breach notice deadline in whole hours, ${min} to ${max}: the breach workflow reads it to set the processor → client notice deadline (Art. 33(2))`,
    );
  }
  return {
    gaps,
    provided: `The clause that the processor assists with Art. 32 to 36 is included; breaches are notified to the client within ${terms.breachNoticeHours} hours (Art. 33(2)).`,
  };
}

function checkEndOfService(terms: AgreementTerms): ItemCheck {
  switch (terms.endOfService) {
    case 'delete':
      return { gaps: [], provided: 'At the end of the service all personal data is deleted, as the client chose.' };
    case 'return':
      return { gaps: [], provided: 'At the end of the service all personal data is returned, as the client chose.' };
    default:
      return { gaps: ["the client's choice to delete or return all personal data at the end of the service"], provided: '' };
  }
}

function checkComplianceAndAudits(terms: AgreementTerms): ItemCheck {
  const gaps: string[] = [];
  if (!hasText(terms.auditArrangements)) {
    gaps.push('arrangements to demonstrate compliance and allow audits, inspections included');
  }
  // The duty to warn of an infringing instruction is in the closing words of Art. 28(3), read with point (h).
  if (terms.infringingInstructionNotice !== true) {
    gaps.push('clause that the processor immediately informs the client when an instruction infringes the law');
  }
  return {
    gaps,
    provided: 'Audit and compliance arrangements are described, and the processor warns the client at once of an infringing instruction.',
  };
}

function hasText(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function filledIn(values: string[] | undefined): string[] {
  return (values ?? []).filter(hasText);
}

function isPositiveWholeNumber(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isBreachNoticeHours(value: number | undefined): value is number {
  return isPositiveWholeNumber(value) && value >= BREACH_NOTICE_HOURS_RANGE.min && value <= BREACH_NOTICE_HOURS_RANGE.max;
}

/** A calendar date (YYYY-MM-DD), optionally with a time; `Date.parse` alone would roll 2026-02-30 into March. */
function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  if (match === null || Number.isNaN(Date.parse(value))) return false;
  const [, year, month, day] = match.map(Number);
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  return calendarDay.getUTCFullYear() === year && calendarDay.getUTCMonth() === month - 1 && calendarDay.getUTCDate() === day;
}
