import { ADEQUACY_DECISIONS, AdequacyDecision, CalendarDate, EEA_MEMBERS, EeaMember } from './transfer-data';

/**
 * GDPR Chapter V: the transfer status of a sub-processor, from every country where it processes data or
 * from where it can reach it (remote access from a third country is a transfer too). Pure: no Nest, no I/O.
 */

/** Ordered from most to least protected; the order is what "the worst one wins" compares. */
const STATUS_ORDER = ['eea', 'adequacy', 'safeguards', 'derogation', 'none'] as const;

export type TransferStatus = (typeof STATUS_ORDER)[number];
export type TransferMechanism = 'dpf' | 'scc' | 'bcr' | 'derogation';

export interface TransferLocation {
  /** ISO 3166-1 alpha-2 (uppercase), or the id of an international organisation with a decision ('EPO'). */
  country: string;
  mechanism?: TransferMechanism;
  /** The SCC module, BCR approval, DPF List entry or derogation record this transfer relies on. */
  documentReference?: string;
  transferImpactAssessment?: boolean;
}

export type TransferRule =
  | 'eea-member'
  | 'adequacy-decision'
  | 'adequacy-not-in-force'
  | 'dpf-certification-missing'
  | 'dpf-outside-united-states'
  | 'standard-contractual-clauses'
  | 'binding-corporate-rules'
  | 'transfer-impact-assessment-on-file'
  | 'transfer-impact-assessment-missing'
  | 'derogation'
  | 'derogation-undocumented'
  | 'no-transfer-mechanism'
  | 'no-locations'
  | 'worst-location-wins';

export interface TransferReason {
  rule: TransferRule;
  reference: string;
  text: string;
}

export interface LocationClassification {
  country: string;
  status: TransferStatus;
  /** The adequacy decision relied on, when status is 'adequacy'. */
  decision?: string;
  reasons: TransferReason[];
}

export interface TransferClassification {
  status: TransferStatus;
  /** A transfer with status 'none' is non-compliant: it is flagged and the sub-processor cannot become active. */
  compliant: boolean;
  locations: LocationClassification[];
  reasons: TransferReason[];
}

const COUNTRY_CODE = /^[A-Z]{2}$/;

/**
 * Codes the EU uses in its own texts but that are not ISO 3166-1 assignments. Accepting them would classify
 * Greece or the United Kingdom as 'none' — a false alarm that hides a data-entry mistake, so we reject them.
 */
const EU_STYLE_CODES: ReadonlyMap<string, string> = new Map([
  ['EL', 'GR'],
  ['UK', 'GB'],
]);

const EEA_BY_CODE: ReadonlyMap<string, EeaMember> = new Map(EEA_MEMBERS.map((member) => [member.code, member]));
const INTERNATIONAL_ORGANISATION_IDS: ReadonlySet<string> = new Set(
  ADEQUACY_DECISIONS.map((decision) => decision.id).filter((id) => !COUNTRY_CODE.test(id)),
);

/**
 * Decisions are dated in the Official Journal as days in Brussels, so a decision that applies "from
 * 26 January 2026" applies from midnight Brussels time, i.e. 25 January 23:00 UTC.
 */
const BRUSSELS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function classifyTransfers(locations: readonly TransferLocation[], at: Date): TransferClassification {
  const day = calendarDayInBrussels(at);
  if (locations.length === 0) {
    return noLocationsRecorded();
  }
  const classified = locations.map((location) => classifyLocation(location, day));
  const status = worstStatus(classified.map((location) => location.status));
  return {
    status,
    compliant: status !== 'none',
    locations: classified,
    reasons: [worstLocationWins(status, classified)],
  };
}

export function calendarDayInBrussels(at: Date): CalendarDate {
  if (Number.isNaN(at.getTime())) {
    throw new RangeError('Cannot classify transfers at an invalid date');
  }
  const parts = BRUSSELS_DAY.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}` as CalendarDate;
}

export function assertTransferDestination(country: string): void {
  const isoCode = EU_STYLE_CODES.get(country);
  if (isoCode) {
    throw new RangeError(`"${country}" is an EU abbreviation, not ISO 3166-1 alpha-2: use "${isoCode}"`);
  }
  if (!COUNTRY_CODE.test(country) && !INTERNATIONAL_ORGANISATION_IDS.has(country)) {
    throw new RangeError(`"${country}" is not an uppercase ISO 3166-1 alpha-2 country code`);
  }
}

export function isInForce(decision: AdequacyDecision, day: CalendarDate): boolean {
  // ISO calendar dates compare correctly as strings.
  return decision.start <= day && (decision.end === undefined || day < decision.end);
}

export function worstStatus(statuses: readonly TransferStatus[]): TransferStatus {
  return statuses.reduce<TransferStatus>(
    (worst, status) => (STATUS_ORDER.indexOf(status) > STATUS_ORDER.indexOf(worst) ? status : worst),
    'eea',
  );
}

function classifyLocation(location: TransferLocation, day: CalendarDate): LocationClassification {
  const { country } = location;
  assertTransferDestination(country);

  // Chapter V governs transfers to third countries and international organisations only (Art. 44).
  const eeaMember = EEA_BY_CODE.get(country);
  if (eeaMember) {
    return { country, status: 'eea', reasons: [inEea(eeaMember)] };
  }

  // An adequacy decision makes any other mechanism unnecessary (Art. 45(1)), so it is tried first;
  // what stopped it from applying is kept as a reason for the fallback.
  const decision = ADEQUACY_DECISIONS.find((candidate) => candidate.id === country);
  const adequacyGaps: TransferReason[] = [];
  if (decision) {
    if (!isInForce(decision, day)) {
      adequacyGaps.push(adequacyNotInForce(decision, day));
    } else if (decision.requiresDpfCertification && location.mechanism !== 'dpf') {
      adequacyGaps.push(dpfCertificationMissing(decision));
    } else {
      return { country, status: 'adequacy', decision: decision.decision, reasons: [adequate(decision)] };
    }
  }

  const fallback = classifyWithoutAdequacy(location);
  return { country, status: fallback.status, reasons: [...adequacyGaps, ...fallback.reasons] };
}

function classifyWithoutAdequacy(location: TransferLocation): { status: TransferStatus; reasons: TransferReason[] } {
  switch (location.mechanism) {
    case 'scc':
      return { status: 'safeguards', reasons: [standardContractualClauses(location), impactAssessment(location)] };
    case 'bcr':
      return { status: 'safeguards', reasons: [bindingCorporateRules(location), impactAssessment(location)] };
    case 'derogation':
      return {
        status: 'derogation',
        reasons: location.documentReference ? [derogation(location)] : [derogation(location), derogationUndocumented()],
      };
    case 'dpf':
      // Only reachable outside the United States (or before its decision applied): the DPF is a US scheme.
      return { status: 'none', reasons: location.country === 'US' ? [] : [dpfOutsideUnitedStates(location)] };
    case undefined:
      return { status: 'none', reasons: [noTransferMechanism(location)] };
  }
}

function noLocationsRecorded(): TransferClassification {
  // Not 'eea': an unknown destination is not a known-safe one. Not a throw either: a draft sub-processor
  // without locations is a state the register must show and block from activation, like any 'none'.
  return {
    status: 'none',
    compliant: false,
    locations: [],
    reasons: [
      {
        rule: 'no-locations',
        reference: 'Art. 28(2); Art. 30(2)(c)',
        text: 'No processing or access location recorded: where the data goes cannot be established, so no transfer can be shown compliant.',
      },
    ],
  };
}

function inEea(member: EeaMember): TransferReason {
  return {
    rule: 'eea-member',
    reference: `Art. 44; ${member.source}`,
    text: `${member.name} (${member.code}) is in the EEA (${member.source}): not a transfer to a third country.`,
  };
}

function adequate(decision: AdequacyDecision): TransferReason {
  const scope = decision.scope ? `, for ${decision.scope}` : '';
  return {
    rule: 'adequacy-decision',
    reference: `${decision.legalBasis}; ${decision.decision}`,
    text: `${decision.name} has an adequacy decision in force${scope}: ${decision.decision}.`,
  };
}

function adequacyNotInForce(decision: AdequacyDecision, day: CalendarDate): TransferReason {
  const when =
    day < decision.start ? `applies only from ${decision.start}` : `no longer applies from ${decision.end}`;
  return {
    rule: 'adequacy-not-in-force',
    reference: `${decision.legalBasis}; ${decision.decision}`,
    text: `The adequacy decision for ${decision.name} ${when}; on ${day} another mechanism is needed.`,
  };
}

function dpfCertificationMissing(decision: AdequacyDecision): TransferReason {
  return {
    rule: 'dpf-certification-missing',
    reference: `${decision.legalBasis}; ${decision.decision}`,
    text: `${decision.name}: the adequacy decision covers ${decision.scope}; this recipient is not recorded as DPF-certified.`,
  };
}

function dpfOutsideUnitedStates(location: TransferLocation): TransferReason {
  return {
    rule: 'dpf-outside-united-states',
    reference: 'Art. 45(3); Commission Implementing Decision (EU) 2023/1795',
    text: `${location.country}: the EU-US Data Privacy Framework covers transfers to the United States only.`,
  };
}

function standardContractualClauses(location: TransferLocation): TransferReason {
  return {
    rule: 'standard-contractual-clauses',
    reference: 'Art. 46(2)(c); Commission Implementing Decision (EU) 2021/914',
    text: `${location.country}: standard contractual clauses${documented(location)}.`,
  };
}

function bindingCorporateRules(location: TransferLocation): TransferReason {
  return {
    rule: 'binding-corporate-rules',
    reference: 'Art. 46(2)(b); Art. 47',
    text: `${location.country}: binding corporate rules${documented(location)}.`,
  };
}

/**
 * After Schrems II the exporter must assess whether the third country's law lets the safeguard work in
 * practice. A missing assessment does not change the mechanism, so the status stays 'safeguards', but it
 * is a gap the register must show.
 */
function impactAssessment(location: TransferLocation): TransferReason {
  const reference = 'EDPB Recommendations 01/2020; CJEU C-311/18 (Schrems II)';
  return location.transferImpactAssessment
    ? {
        rule: 'transfer-impact-assessment-on-file',
        reference,
        text: `${location.country}: a transfer impact assessment is on file.`,
      }
    : {
        rule: 'transfer-impact-assessment-missing',
        reference,
        text: `${location.country}: no transfer impact assessment on file; the safeguard is not shown to be effective.`,
      };
}

function derogation(location: TransferLocation): TransferReason {
  return {
    rule: 'derogation',
    reference: 'Art. 49(1)',
    text: `${location.country}: transfer relies on a derogation for a specific situation${documented(location)}.`,
  };
}

function derogationUndocumented(): TransferReason {
  return {
    rule: 'derogation-undocumented',
    reference: 'Art. 49(1); EDPB Guidelines 2/2018',
    text: 'Derogations are exceptions to be read restrictively; no record of which derogation applies and why is referenced.',
  };
}

function noTransferMechanism(location: TransferLocation): TransferReason {
  return {
    rule: 'no-transfer-mechanism',
    reference: 'Art. 44',
    text: `${location.country}: transfer to a third country without adequacy decision, safeguard or derogation is not allowed.`,
  };
}

function worstLocationWins(status: TransferStatus, locations: readonly LocationClassification[]): TransferReason {
  const deciding = locations.filter((location) => location.status === status).map((location) => location.country);
  return {
    rule: 'worst-location-wins',
    reference: 'Art. 44',
    text: `Overall '${status}', set by ${[...new Set(deciding)].join(', ')}: every location must meet Chapter V, so the least protected one decides.`,
  };
}

function documented(location: TransferLocation): string {
  return location.documentReference ? ` (${location.documentReference})` : '';
}
