/**
 * Risk assessment of a personal data breach (GDPR Art. 33 and 34), following DOMAIN.md §3:
 * the ENISA 2013 severity method (SE = DPC × EI + CB) gives a band, the band gives the risk
 * (EDPB Guidelines 9/2022 and 01/2021), and the facts the formula does not see move the outcome,
 * each as a stated reason. Every step is recorded, because Art. 33(5) requires the reasoning to be
 * documented for breaches that are not notified as well.
 *
 * Pure: no Nest, no TypeORM, no I/O.
 */

export type DataCategory =
  | 'contact'
  | 'identity'
  | 'behavioural'
  | 'location'
  | 'financial'
  | 'national_id'
  | 'credentials'
  | 'special_category'
  | 'criminal';

export interface BreachFacts {
  ourRole: 'processor' | 'controller';
  dataCategories: DataCategory[];
  contextAdjustment?: { delta: number; reason: string };
  subjectCount: number;
  vulnerableSubjects?: boolean;
  identifiability: 'negligible' | 'limited' | 'significant' | 'maximum';
  confidentiality: 'none' | 'known_recipients' | 'unknown_recipients';
  integrity: 'none' | 'recoverable' | 'unrecoverable';
  availability: 'none' | 'temporary' | 'permanent';
  outageHours?: number;
  backupAvailable?: boolean;
  maliciousIntent: boolean;
  unintelligible?: boolean;
  trustedRecipientDeleted?: boolean;
}

export interface BreachAssessment {
  severity: { dpc: number; ei: number; cb: number; score: number; band: 'low' | 'medium' | 'high' | 'very_high' };
  risk: 'unlikely' | 'risk' | 'high';
  notifyAuthority: boolean;
  communicateDataSubjects: boolean;
  notifyClients: boolean;
  reasons: { rule: string; reference: string; text: string }[];
}

type Reason = BreachAssessment['reasons'][number];
type Band = BreachAssessment['severity']['band'];
type Risk = BreachAssessment['risk'];

const ENISA = 'ENISA 2013, Recommendations for a methodology of the assessment of severity of personal data breaches';
const EDPB_9_2022 = 'EDPB Guidelines 9/2022 on personal data breach notification';
const edpbExample = (n: number): string => `EDPB Guidelines 01/2021, example ${n}`;

const MIN_DPC = 1;
const MAX_DPC = 4;

/**
 * ENISA 2013 DPC levels: simple 1, behavioural 2, financial 3, sensitive 4.
 * - national_id: DOMAIN.md §3 treats the BSN and copies of ID documents as financial level (identity fraud).
 * - credentials: ENISA has no level for them. We put them at 3 (financial level) because a working password
 *   opens the account and everything in it, and leads to fraud and identity theft like financial data does
 *   (EDPB Guidelines 01/2021, example 7, credential stuffing at a bank). Properly hashed credentials are handled
 *   by `unintelligible` (example 6), not by a lower level.
 */
const DPC_BY_CATEGORY: Record<DataCategory, number> = {
  contact: 1,
  identity: 1,
  behavioural: 2,
  location: 2,
  financial: 3,
  national_id: 3,
  credentials: 3,
  special_category: 4,
  criminal: 4,
};

/** ENISA 2013 ease of identification. */
const EI_BY_IDENTIFIABILITY: Record<BreachFacts['identifiability'], number> = {
  negligible: 0.25,
  limited: 0.5,
  significant: 0.75,
  maximum: 1,
};

/** ENISA 2013 circumstances of the breach, added up. */
const CB_CONFIDENTIALITY: Record<BreachFacts['confidentiality'], number> = {
  none: 0,
  known_recipients: 0.25,
  unknown_recipients: 0.5,
};
const CB_INTEGRITY: Record<BreachFacts['integrity'], number> = { none: 0, recoverable: 0.25, unrecoverable: 0.5 };
const CB_AVAILABILITY: Record<BreachFacts['availability'], number> = { none: 0, temporary: 0.25, permanent: 0.5 };
const CB_MALICIOUS = 0.5;

/** DOMAIN.md §3: "think tens of thousands or more" raises the context. */
const LARGE_SCALE_SUBJECT_COUNT = 10_000;
/** DOMAIN.md §3: a long outage is "think days"; two days is the threshold we apply. */
const LONG_OUTAGE_HOURS = 48;

const RISK_BY_BAND: Record<Band, Risk> = { low: 'unlikely', medium: 'risk', high: 'high', very_high: 'high' };
const RISK_ORDER: Risk[] = ['unlikely', 'risk', 'high'];

export function assessBreach(facts: BreachFacts): BreachAssessment {
  const reasons: Reason[] = [];
  const dpc = dataProcessingContext(facts, reasons);
  const ei = easeOfIdentification(facts, reasons);
  const cb = circumstancesOfBreach(facts, reasons);
  const score = roundTo2(dpc * ei + cb);
  const band = severityBand(score);
  reasons.push({
    rule: 'enisa.score',
    reference: ENISA,
    text: `SE = DPC × EI + CB = ${dpc} × ${ei} + ${cb} = ${score}: severity ${band}.`,
  });

  const risk = adjustForFactsOutsideFormula(facts, riskFromBand(band, reasons), reasons);
  return {
    severity: { dpc, ei, cb, score, band },
    risk,
    notifyAuthority: decideAuthorityNotification(risk, reasons),
    communicateDataSubjects: decideDataSubjectCommunication(risk, facts, reasons),
    notifyClients: decideClientNotification(facts, reasons),
    reasons,
  };
}

// --- ENISA severity ---------------------------------------------------------------------------------------

function dataProcessingContext(facts: BreachFacts, reasons: Reason[]): number {
  let dpc = baseDpc(facts.dataCategories, reasons);
  if (facts.contextAdjustment && facts.contextAdjustment.delta !== 0) {
    // ENISA lets the assessor raise or lower the context (line of business, data already public, ...); the
    // written reason is kept because DOMAIN.md §3 requires one for every adjustment.
    const { delta, reason } = facts.contextAdjustment;
    dpc += delta;
    reasons.push({ rule: 'enisa.dpc.context', reference: ENISA, text: `DPC ${signed(delta)}: ${reason}` });
  }
  if (facts.vulnerableSubjects) {
    dpc += 1;
    reasons.push({
      rule: 'enisa.dpc.vulnerable',
      reference: ENISA,
      text: 'DPC +1: the data subjects are vulnerable (children, patients); see also GDPR recital 75.',
    });
  }
  if (facts.subjectCount >= LARGE_SCALE_SUBJECT_COUNT) {
    dpc += 1;
    reasons.push({
      rule: 'enisa.dpc.volume',
      reference: ENISA,
      text: `DPC +1: ${facts.subjectCount} data subjects, at least ${LARGE_SCALE_SUBJECT_COUNT} (large scale).`,
    });
  }
  return clampDpc(dpc, reasons);
}

function baseDpc(categories: DataCategory[], reasons: Reason[]): number {
  if (categories.length === 0) {
    reasons.push({
      rule: 'enisa.dpc',
      reference: ENISA,
      text: `No data categories recorded: DPC ${MIN_DPC} (simple data) until the categories are known.`,
    });
    return MIN_DPC;
  }
  const highest = categories.reduce((a, b) => (DPC_BY_CATEGORY[b] > DPC_BY_CATEGORY[a] ? b : a));
  const dpc = DPC_BY_CATEGORY[highest];
  reasons.push({
    rule: 'enisa.dpc',
    reference: ENISA,
    text: `DPC ${dpc}: the most sensitive category is ${highest} (of ${categories.join(', ')}).`,
  });
  return dpc;
}

/** ENISA's DPC scale runs from 1 to 4; adjustments cannot leave it. */
function clampDpc(dpc: number, reasons: Reason[]): number {
  const clamped = roundTo2(Math.min(MAX_DPC, Math.max(MIN_DPC, dpc)));
  if (clamped !== roundTo2(dpc)) {
    reasons.push({
      rule: 'enisa.dpc.bounds',
      reference: ENISA,
      text: `DPC ${roundTo2(dpc)} is outside the scale ${MIN_DPC}..${MAX_DPC}: ${clamped} is used.`,
    });
  }
  return clamped;
}

function easeOfIdentification(facts: BreachFacts, reasons: Reason[]): number {
  const ei = EI_BY_IDENTIFIABILITY[facts.identifiability];
  reasons.push({ rule: 'enisa.ei', reference: ENISA, text: `EI ${ei}: identifiability ${facts.identifiability}.` });
  return ei;
}

function circumstancesOfBreach(facts: BreachFacts, reasons: Reason[]): number {
  const parts = [
    CB_CONFIDENTIALITY[facts.confidentiality],
    CB_INTEGRITY[facts.integrity],
    CB_AVAILABILITY[facts.availability],
    facts.maliciousIntent ? CB_MALICIOUS : 0,
  ];
  const cb = roundTo2(parts.reduce((sum, part) => sum + part, 0));
  reasons.push({
    rule: 'enisa.cb',
    reference: ENISA,
    text:
      `CB ${cb}: confidentiality ${facts.confidentiality} (+${parts[0]}), integrity ${facts.integrity} ` +
      `(+${parts[1]}), availability ${facts.availability} (+${parts[2]}), ` +
      `${facts.maliciousIntent ? 'malicious' : 'not malicious'} (+${parts[3]}).`,
  });
  return cb;
}

function severityBand(score: number): Band {
  if (score < 2) return 'low';
  if (score < 3) return 'medium';
  if (score < 4) return 'high';
  return 'very_high';
}

// --- From severity to risk --------------------------------------------------------------------------------

function riskFromBand(band: Band, reasons: Reason[]): Risk {
  const risk = RISK_BY_BAND[band];
  reasons.push({ rule: 'risk.band', reference: EDPB_9_2022, text: `Severity ${band} means risk: ${risk}.` });
  return risk;
}

/**
 * Downgrades first, floors last: when facts conflict (a "trusted" recipient who acted maliciously), the
 * floor wins, because under-notifying is the error Art. 33(1) does not forgive.
 */
function adjustForFactsOutsideFormula(facts: BreachFacts, risk: Risk, reasons: Reason[]): Risk {
  let adjusted = risk;
  if (isUnintelligibleConfidentialityBreach(facts) && adjusted !== 'unlikely') {
    adjusted = 'unlikely';
    reasons.push({
      rule: 'risk.unintelligible',
      reference: edpbExample(6),
      text:
        'The data is unintelligible to others (state-of-the-art encryption or hashing, key or salt not ' +
        'compromised) and only confidentiality was affected: unlikely to result in a risk (see also example 10).',
    });
  }
  if (isDeletedByTrustedRecipient(facts) && adjusted !== 'unlikely') {
    adjusted = 'unlikely';
    reasons.push({
      rule: 'risk.trusted-recipient',
      reference: edpbExample(9),
      text:
        'Disclosed by accident to a trusted recipient who confirmed deletion, with no further copies: ' +
        'unlikely to result in a risk.',
    });
  }
  if (isLongOutageWithoutBackup(facts) && isBelow(adjusted, 'risk')) {
    adjusted = 'risk';
    reasons.push({
      rule: 'risk.long-outage',
      reference: edpbExample(2),
      text:
        `The data is unavailable for days (${describeOutage(facts)}) and there is no usable backup: ` +
        'at least a risk.',
    });
  }
  if (isMaliciousDisclosureOfIntelligibleData(facts) && isBelow(adjusted, 'risk')) {
    adjusted = 'risk';
    reasons.push({
      rule: 'risk.malicious-disclosure',
      reference: edpbExample(8),
      text:
        'Intelligible data was disclosed deliberately by a malicious actor whose further use cannot be ruled ' +
        'out: at least a risk.',
    });
  }
  return adjusted;
}

function onlyConfidentialityAffected(facts: BreachFacts): boolean {
  return facts.confidentiality !== 'none' && facts.integrity === 'none' && facts.availability === 'none';
}

function isUnintelligibleConfidentialityBreach(facts: BreachFacts): boolean {
  return facts.unintelligible === true && onlyConfidentialityAffected(facts);
}

/** "Trusted recipient" presupposes a known recipient: with unknown recipients further copies cannot be excluded. */
function isDeletedByTrustedRecipient(facts: BreachFacts): boolean {
  return (
    facts.trustedRecipientDeleted === true &&
    facts.confidentiality === 'known_recipients' &&
    onlyConfidentialityAffected(facts)
  );
}

function isLongOutageWithoutBackup(facts: BreachFacts): boolean {
  const long = facts.availability === 'permanent' || (facts.outageHours ?? 0) >= LONG_OUTAGE_HOURS;
  return long && facts.backupAvailable !== true;
}

function isMaliciousDisclosureOfIntelligibleData(facts: BreachFacts): boolean {
  return facts.maliciousIntent && facts.confidentiality !== 'none' && facts.unintelligible !== true;
}

function describeOutage(facts: BreachFacts): string {
  return facts.availability === 'permanent' ? 'permanently lost' : `${facts.outageHours} hours`;
}

function isBelow(risk: Risk, floor: Risk): boolean {
  return RISK_ORDER.indexOf(risk) < RISK_ORDER.indexOf(floor);
}

// --- Decisions --------------------------------------------------------------------------------------------

function decideAuthorityNotification(risk: Risk, reasons: Reason[]): boolean {
  const notify = risk !== 'unlikely';
  reasons.push({
    rule: 'decision.authority',
    reference: 'GDPR Art. 33(1)',
    text: notify
      ? 'Likely to result in a risk: the controller notifies the supervisory authority within 72 hours.'
      : 'Unlikely to result in a risk: no notification to the supervisory authority; documented (Art. 33(5)).',
  });
  return notify;
}

function decideDataSubjectCommunication(risk: Risk, facts: BreachFacts, reasons: Reason[]): boolean {
  if (risk !== 'high') {
    reasons.push({
      rule: 'decision.data-subjects',
      reference: 'GDPR Art. 34(1)',
      text: 'Not likely to result in a high risk: no communication to data subjects required.',
    });
    return false;
  }
  if (facts.unintelligible) {
    reasons.push({
      rule: 'decision.data-subjects',
      reference: 'GDPR Art. 34(3)(a)',
      text: 'High risk, but the data is unintelligible to others: no communication to data subjects required.',
    });
    return false;
  }
  reasons.push({
    rule: 'decision.data-subjects',
    reference: 'GDPR Art. 34(1)',
    text: 'Likely to result in a high risk: the controller communicates the breach to the data subjects.',
  });
  return true;
}

/** Art. 33(2): a processor tells its client of every breach, whatever the risk; it does not assess first. */
function decideClientNotification(facts: BreachFacts, reasons: Reason[]): boolean {
  const notify = facts.ourRole === 'processor';
  reasons.push({
    rule: 'decision.clients',
    reference: 'GDPR Art. 33(2)',
    text: notify
      ? 'We are the processor: notify the client (controller) without undue delay, whatever the risk; ' +
        'the authority and data-subject decisions above are a draft for the client.'
      : 'We are the controller: there is no client to notify.',
  });
  return notify;
}

// --- Arithmetic -------------------------------------------------------------------------------------------

/** ENISA scores are quarter steps, but a fractional context delta could leave float noise (0.1 + 0.2). */
function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : `${value}`;
}
