/**
 * Reference data for GDPR Chapter V (transfers to third countries). A typed constant rather than a JSON
 * file, so it is bundled with the lib by webpack and type-checked like the rules that read it.
 *
 * Dates are calendar days (YYYY-MM-DD) as the Official Journal gives them; the classifier reads them as
 * days in Brussels, where the Commission adopts and publishes its decisions.
 */

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export type CalendarDate = `${number}-${number}-${number}`;

/**
 * Where membership comes from: the EU Treaties (TEU Art. 52, TFEU Art. 355) for the 27 member states, the
 * EEA Agreement for Iceland, Liechtenstein and Norway (the GDPR was incorporated into it by EEA Joint
 * Committee Decision No 154/2018, so transfers to those three are not Chapter V transfers either).
 */
export type EeaMembershipSource = 'TFEU' | 'EEA Agreement';

export interface EeaMember {
  /** ISO 3166-1 alpha-2: Greece is GR (not the EU's EL). */
  readonly code: string;
  readonly name: string;
  readonly source: EeaMembershipSource;
}

export const EEA_MEMBERS: readonly EeaMember[] = [
  { code: 'AT', name: 'Austria', source: 'TFEU' },
  { code: 'BE', name: 'Belgium', source: 'TFEU' },
  { code: 'BG', name: 'Bulgaria', source: 'TFEU' },
  { code: 'HR', name: 'Croatia', source: 'TFEU' },
  { code: 'CY', name: 'Cyprus', source: 'TFEU' },
  { code: 'CZ', name: 'Czechia', source: 'TFEU' },
  { code: 'DK', name: 'Denmark', source: 'TFEU' },
  { code: 'EE', name: 'Estonia', source: 'TFEU' },
  { code: 'FI', name: 'Finland', source: 'TFEU' },
  { code: 'FR', name: 'France', source: 'TFEU' },
  { code: 'DE', name: 'Germany', source: 'TFEU' },
  { code: 'GR', name: 'Greece', source: 'TFEU' },
  { code: 'HU', name: 'Hungary', source: 'TFEU' },
  { code: 'IE', name: 'Ireland', source: 'TFEU' },
  { code: 'IT', name: 'Italy', source: 'TFEU' },
  { code: 'LV', name: 'Latvia', source: 'TFEU' },
  { code: 'LT', name: 'Lithuania', source: 'TFEU' },
  { code: 'LU', name: 'Luxembourg', source: 'TFEU' },
  { code: 'MT', name: 'Malta', source: 'TFEU' },
  { code: 'NL', name: 'Netherlands', source: 'TFEU' },
  { code: 'PL', name: 'Poland', source: 'TFEU' },
  { code: 'PT', name: 'Portugal', source: 'TFEU' },
  { code: 'RO', name: 'Romania', source: 'TFEU' },
  { code: 'SK', name: 'Slovakia', source: 'TFEU' },
  { code: 'SI', name: 'Slovenia', source: 'TFEU' },
  { code: 'ES', name: 'Spain', source: 'TFEU' },
  { code: 'SE', name: 'Sweden', source: 'TFEU' },
  { code: 'IS', name: 'Iceland', source: 'EEA Agreement' },
  { code: 'LI', name: 'Liechtenstein', source: 'EEA Agreement' },
  { code: 'NO', name: 'Norway', source: 'EEA Agreement' },
];

/**
 * Decisions adopted under Directive 95/46/EC Art. 25(6) stay in force under GDPR Art. 45(9) until amended,
 * replaced or repealed; decisions adopted under the GDPR itself rest on Art. 45(3).
 */
export type AdequacyLegalBasis = 'Art. 45(3)' | 'Art. 45(9)';

export interface AdequacyDecision {
  /** ISO 3166-1 alpha-2 of the third country, or a longer id for an international organisation ('EPO'). */
  readonly id: string;
  readonly name: string;
  /** The Commission decision, as cited. */
  readonly decision: string;
  /** First day the decision applies (its adoption date unless noted). */
  readonly start: CalendarDate;
  /** First day it no longer applies ("shall expire on"), when the decision has a sunset clause. */
  readonly end?: CalendarDate;
  /** The part of the country covered, where the decision does not cover all recipients there. */
  readonly scope?: string;
  /**
   * The decision covers only organisations on the Data Privacy Framework List, so the recipient's own
   * certification is a condition of the transfer (Decision (EU) 2023/1795, Art. 1).
   */
  readonly requiresDpfCertification?: true;
  readonly legalBasis: AdequacyLegalBasis;
  /** Where the text is published: the EUR-Lex ELI, or the Commission's adequacy page where none is known. */
  readonly source: string;
  /** What we are unsure of; to be checked against the Official Journal. */
  readonly note?: string;
}

const COMMISSION_ADEQUACY_PAGE =
  'https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en';

/**
 * Decisions under Directive 95/46/EC gave member states a period (often 90 days or four months after
 * notification) to comply. We use the adoption date as the start: the difference only matters for dates
 * long before any sub-processor in this register existed.
 */
export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = [
  {
    id: 'AD',
    name: 'Andorra',
    decision: 'Commission Decision 2010/625/EU',
    start: '2010-10-19',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec/2010/625/oj',
  },
  {
    id: 'AR',
    name: 'Argentina',
    decision: 'Commission Decision 2003/490/EC',
    start: '2003-06-30',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec/2003/490/oj',
  },
  {
    id: 'BR',
    name: 'Brazil',
    decision: 'Commission Implementing Decision (EU) 2026/179',
    start: '2026-01-26',
    legalBasis: 'Art. 45(3)',
    source: 'http://data.europa.eu/eli/dec_impl/2026/179/oj',
    // Adopted 26 January 2026, announced 27 January, published in the OJ 28 January. The number
    // 2026/179 comes from a secondary source (EEA/EFTA tracking of the act), not the OJ itself.
    note: 'Decision number 2026/179 taken from a secondary source; verify against the Official Journal.',
  },
  {
    id: 'CA',
    name: 'Canada',
    decision: 'Commission Decision 2002/2/EC',
    start: '2001-12-20',
    scope: 'commercial organisations subject to PIPEDA',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec/2002/2/oj',
  },
  {
    id: 'FO',
    name: 'Faroe Islands',
    decision: 'Commission Decision 2010/146/EU',
    start: '2010-03-05',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec/2010/146/oj',
  },
  {
    id: 'GG',
    name: 'Guernsey',
    decision: 'Commission Decision 2003/821/EC',
    start: '2003-11-21',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec/2003/821/oj',
  },
  {
    id: 'IM',
    name: 'Isle of Man',
    decision: 'Commission Decision 2004/411/EC',
    start: '2004-04-28',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec/2004/411/oj',
  },
  {
    id: 'IL',
    name: 'Israel',
    decision: 'Commission Decision 2011/61/EU',
    start: '2011-01-31',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec/2011/61/oj',
  },
  {
    id: 'JP',
    name: 'Japan',
    decision: 'Commission Implementing Decision (EU) 2019/419',
    start: '2019-01-23',
    legalBasis: 'Art. 45(3)',
    source: 'http://data.europa.eu/eli/dec_impl/2019/419/oj',
  },
  {
    id: 'JE',
    name: 'Jersey',
    decision: 'Commission Decision 2008/393/EC',
    start: '2008-05-08',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec/2008/393/oj',
  },
  {
    id: 'NZ',
    name: 'New Zealand',
    decision: 'Commission Implementing Decision 2013/65/EU',
    start: '2012-12-19',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec_impl/2013/65/oj',
  },
  {
    id: 'KR',
    name: 'Republic of Korea',
    decision: 'Commission Implementing Decision (EU) 2022/254',
    start: '2021-12-17',
    legalBasis: 'Art. 45(3)',
    source: 'http://data.europa.eu/eli/dec_impl/2022/254/oj',
  },
  {
    id: 'CH',
    name: 'Switzerland',
    decision: 'Commission Decision 2000/518/EC',
    start: '2000-07-26',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec/2000/518/oj',
  },
  {
    id: 'GB',
    name: 'United Kingdom',
    decision: 'Commission Implementing Decision (EU) 2021/1772',
    start: '2021-06-28',
    // The 2021 decision was to expire on 27 June 2025; a technical extension (June 2025) moved that to
    // 27 December 2025, and the renewal adopted on 19 December 2025 runs to 27 December 2031. One row,
    // because the protection never lapsed in between.
    end: '2031-12-27',
    legalBasis: 'Art. 45(3)',
    source: 'http://data.europa.eu/eli/dec_impl/2021/1772/oj',
    note: 'Renewed on 19 December 2025 until 27 December 2031; the renewal decision number is not recorded here.',
  },
  {
    id: 'US',
    name: 'United States',
    decision: 'Commission Implementing Decision (EU) 2023/1795',
    start: '2023-07-10',
    scope: 'organisations certified under the EU-US DPF only',
    requiresDpfCertification: true,
    legalBasis: 'Art. 45(3)',
    source: 'http://data.europa.eu/eli/dec_impl/2023/1795/oj',
  },
  {
    id: 'UY',
    name: 'Uruguay',
    decision: 'Commission Implementing Decision 2012/484/EU',
    start: '2012-08-21',
    legalBasis: 'Art. 45(9)',
    source: 'http://data.europa.eu/eli/dec_impl/2012/484/oj',
  },
  {
    id: 'EPO',
    name: 'European Patent Organisation',
    // The first adequacy decision for an international organisation (draft March 2025).
    decision: 'Commission Implementing Decision on the adequate protection of personal data by the European Patent Organisation',
    start: '2025-07-15',
    legalBasis: 'Art. 45(3)',
    source: COMMISSION_ADEQUACY_PAGE,
    note: 'Adoption date (15 July 2025) from press reporting; decision number unknown. Verify against the Official Journal.',
  },
];
