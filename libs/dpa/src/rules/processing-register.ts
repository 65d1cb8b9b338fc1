import type { AgreementTerms, SecurityMeasure } from './agreement-terms';
import type { SubprocessorAnnexEntry } from '../agreements/subprocessor-annex';

/**
 * The processor's record of processing activities (Art. 30(2)): per controller (client) the name and contact
 * details (a), the categories of processing (b), transfers to third countries with their safeguards (c), and a
 * general description of the security measures (d). Derived from the agreements and the sub-processor register
 * (DOMAIN §1), so it cannot drift from what was agreed.
 */
export interface RegisterEntry {
  client: { id: string; legalName: string; kvkNumber: string | null; country: string; contactName: string; contactEmail: string };
  agreement: { id: string; versionNumber: number; status: string; inForce: boolean } | null;
  /** Art. 30(2)(b). */
  categoriesOfProcessing: { subjectMatter: string | null; natureAndPurpose: string | null; services: string[]; dataCategories: string[]; dataSubjectCategories: string[]; specialCategories: boolean; minorsInvolved: boolean };
  /** Art. 30(2)(c): only transfers outside the EEA. */
  transfers: Array<{ subprocessor: string; countries: string[]; mechanism: string | null; safeguard: string | null }>;
  /** Art. 30(2)(d). */
  securityMeasures: SecurityMeasure[];
}

/** EEA: the 27 EU member states plus Iceland, Liechtenstein and Norway (DOMAIN §2): no transfer safeguard needed. */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
]);

export function registerEntry(input: {
  client: RegisterEntry['client'];
  agreement: RegisterEntry['agreement'];
  terms: AgreementTerms | null;
  subprocessors: SubprocessorAnnexEntry[];
  /** The processor's catalogue, used when the client has no agreement whose annex says more. */
  processorMeasures: SecurityMeasure[];
}): RegisterEntry {
  const terms = input.terms ?? {};
  return {
    client: input.client,
    agreement: input.agreement,
    categoriesOfProcessing: {
      subjectMatter: terms.subjectMatter ?? null,
      natureAndPurpose: terms.natureAndPurpose ?? null,
      services: terms.services ?? [],
      dataCategories: terms.dataCategories ?? [],
      dataSubjectCategories: terms.dataSubjectCategories ?? [],
      specialCategories: terms.specialCategories ?? false,
      minorsInvolved: terms.minorsInvolved ?? false,
    },
    transfers: input.subprocessors
      .map((entry) => ({ entry, outside: entry.countries.map((country) => country.toUpperCase()).filter((country) => !EEA_COUNTRIES.has(country)) }))
      .filter(({ outside }) => outside.length > 0)
      .map(({ entry, outside }) => ({ subprocessor: entry.name, countries: outside, mechanism: entry.transferMechanism, safeguard: entry.safeguard ?? null })),
    securityMeasures: terms.measuresAnnex?.length ? terms.measuresAnnex : input.processorMeasures,
  };
}

export const REGISTER_CSV_COLUMNS = [
  'client_id',
  'client_name',
  'client_kvk',
  'client_country',
  'client_contact',
  'agreement_version',
  'agreement_in_force',
  'subject_matter',
  'nature_and_purpose',
  'services',
  'data_categories',
  'data_subject_categories',
  'special_categories',
  'minors_involved',
  'third_country_transfers',
  'security_measures',
] as const;

/** RFC 4180 CSV; a cell starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
export function registerCsv(entries: RegisterEntry[]): string {
  const rows = entries.map((entry) => [
    entry.client.id,
    entry.client.legalName,
    entry.client.kvkNumber ?? '',
    entry.client.country,
    `${entry.client.contactName} <${entry.client.contactEmail}>`,
    entry.agreement ? String(entry.agreement.versionNumber) : '',
    entry.agreement?.inForce ? 'yes' : 'no',
    entry.categoriesOfProcessing.subjectMatter ?? '',
    entry.categoriesOfProcessing.natureAndPurpose ?? '',
    entry.categoriesOfProcessing.services.join('; '),
    entry.categoriesOfProcessing.dataCategories.join('; '),
    entry.categoriesOfProcessing.dataSubjectCategories.join('; '),
    entry.categoriesOfProcessing.specialCategories ? 'yes' : 'no',
    entry.categoriesOfProcessing.minorsInvolved ? 'yes' : 'no',
    entry.transfers.map((transfer) => `${transfer.subprocessor} (${transfer.countries.join(', ')}): ${transfer.safeguard ?? transfer.mechanism ?? 'no safeguard'}`).join('; '),
    entry.securityMeasures.map((measure) => `${measure.category}: ${measure.description}`).join('; '),
  ]);
  return [REGISTER_CSV_COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
