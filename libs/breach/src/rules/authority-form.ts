import { DateTime } from 'luxon';
import { DataCategory } from './assess-breach';
import { authorityNotificationDeadline } from './breach-deadlines';
import { IncidentFacts } from './incident-facts';
import { EffectiveDecision } from './notification-plan';

/**
 * The answers to the AP's online notification form (Meldformulier datalekken), in the form's order (DOMAIN.md §3):
 * contact and organisation; timeline and discovery; what happened; the data; who is affected; encryption;
 * consequences; data subjects informed; measures; cross-border. The AP takes notifications only through that
 * form, so the software prepares the answers and marks what is still missing. Pure.
 */
export type FormLanguage = 'nl' | 'en';

export interface FormAnswer {
  section: string;
  key: string;
  question: string;
  answer: string | null;
  missing: boolean;
}

export interface AuthorityFormInput {
  organisation: { legalName: string; kvkNumber: string | null; address: string; contactName: string; contactEmail: string; contactPhone: string | null; dpoName: string | null; dpoEmail: string | null };
  reference: string;
  title: string;
  description: string;
  detectedAt: Date;
  awareAt: Date | null;
  facts: IncidentFacts | null;
  decision: EffectiveDecision;
  dataSubjectsCommunicatedAt: Date | null;
  filedAt: Date | null;
  delayReason: string | null;
  now: Date;
}

const SPECIAL: DataCategory[] = ['special_category', 'criminal'];

type Q = { key: string; nl: string; en: string };
const SECTIONS: Array<{ key: string; nl: string; en: string; questions: Q[] }> = [
  { key: 'contact', nl: '1. Contactgegevens en organisatie', en: '1. Contact details and organisation', questions: [
    { key: 'organisation', nl: 'Naam organisatie', en: 'Organisation' },
    { key: 'kvk', nl: 'KvK-nummer', en: 'Chamber of Commerce number' },
    { key: 'address', nl: 'Adres', en: 'Address' },
    { key: 'contact', nl: 'Contactpersoon', en: 'Contact person' },
    { key: 'dpo', nl: 'Functionaris gegevensbescherming', en: 'Data protection officer' },
  ] },
  { key: 'timeline', nl: '2. Tijdlijn en ontdekking', en: '2. Timeline and discovery', questions: [
    { key: 'started', nl: 'Wanneer begon het datalek?', en: 'When did the breach begin?' },
    { key: 'detected', nl: 'Wanneer is het ontdekt?', en: 'When was it detected?' },
    { key: 'aware', nl: 'Wanneer werd u zich ervan bewust?', en: 'When did you become aware?' },
    { key: 'discovered_how', nl: 'Hoe is het ontdekt?', en: 'How was it discovered?' },
    { key: 'delay', nl: 'Reden voor melding na 72 uur', en: 'Reasons for notifying after 72 hours' },
  ] },
  { key: 'what', nl: '3. Wat is er gebeurd', en: '3. What happened', questions: [
    { key: 'summary', nl: 'Samenvatting', en: 'Summary' },
    { key: 'nature', nl: 'Aard: gelezen, gekopieerd, veranderd, verwijderd, gestolen', en: 'Nature: read, copied, changed, deleted, stolen' },
    { key: 'cause', nl: 'Oorzaak', en: 'Cause' },
  ] },
  { key: 'data', nl: '4. Persoonsgegevens', en: '4. Personal data', questions: [
    { key: 'categories', nl: 'Soorten persoonsgegevens', en: 'Categories of personal data' },
    { key: 'bsn', nl: 'Burgerservicenummer (BSN)?', en: 'Citizen service number (BSN)?' },
    { key: 'special', nl: 'Bijzondere of strafrechtelijke persoonsgegevens?', en: 'Special categories or criminal data?' },
    { key: 'records', nl: 'Aantal records', en: 'Number of records' },
  ] },
  { key: 'subjects', nl: '5. Betrokkenen', en: '5. Data subjects', questions: [
    { key: 'categories', nl: 'Groepen betrokkenen', en: 'Categories of data subjects' },
    { key: 'count', nl: 'Aantal betrokkenen (minimaal–maximaal)', en: 'Number of data subjects (min–max)' },
  ] },
  { key: 'encryption', nl: '6. Versleuteling', en: '6. Encryption', questions: [
    { key: 'unintelligible', nl: 'Waren de gegevens versleuteld of anderszins onbegrijpelijk?', en: 'Was the data encrypted or otherwise unintelligible?' },
  ] },
  { key: 'consequences', nl: '7. Gevolgen', en: '7. Consequences', questions: [
    { key: 'consequences', nl: 'Mogelijke gevolgen voor betrokkenen', en: 'Likely consequences for data subjects' },
    { key: 'severity', nl: 'Ernst (ENISA) en risico', en: 'Severity (ENISA) and risk' },
  ] },
  { key: 'informed', nl: '8. Informeren van betrokkenen', en: '8. Informing data subjects', questions: [
    { key: 'informed', nl: 'Zijn de betrokkenen geïnformeerd?', en: 'Have the data subjects been informed?' },
    { key: 'why_not', nl: 'Zo niet, waarom niet?', en: 'If not, why not?' },
  ] },
  { key: 'measures', nl: '9. Maatregelen', en: '9. Measures', questions: [
    { key: 'taken', nl: 'Genomen maatregelen', en: 'Measures taken' },
    { key: 'proposed', nl: 'Voorgenomen maatregelen', en: 'Measures proposed' },
  ] },
  { key: 'cross_border', nl: '10. Grensoverschrijdend', en: '10. Cross-border', questions: [
    { key: 'cross_border', nl: 'Betrokkenen in andere EU-landen?', en: 'Data subjects in other EU countries?' },
  ] },
];

export function authorityFormAnswers(input: AuthorityFormInput, language: FormLanguage): FormAnswer[] {
  const values = answerValues(input, language);
  return SECTIONS.flatMap((section) =>
    section.questions.flatMap((question) => {
      const key = `${section.key}.${question.key}`;
      if (!(key in values)) return [];
      const answer = values[key];
      return [{ section: section[language], key, question: question[language], answer, missing: answer === null }];
    }),
  );
}

/** The answers still missing, by key: what staff must fill in before filing. */
export function missingAnswers(answers: readonly FormAnswer[]): string[] {
  return answers.filter((answer) => answer.missing).map((answer) => answer.key);
}

function answerValues(input: AuthorityFormInput, language: FormLanguage): Record<string, string | null> {
  const nl = language === 'nl';
  const yes = nl ? 'ja' : 'yes';
  const no = nl ? 'nee' : 'no';
  const yesNo = (value: boolean | null | undefined): string | null => (value === null || value === undefined ? null : value ? yes : no);
  const text = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);
  const when = (date: Date | null): string | null => (date ? DateTime.fromJSDate(date, { zone: 'Europe/Amsterdam' }).setLocale(language).toFormat("d MMMM yyyy HH:mm '(UTC'ZZ')'") : null);
  const { organisation: org, facts, decision } = input;
  const deadline = input.awareAt ? authorityNotificationDeadline(input.awareAt) : null;
  const late = deadline !== null && (input.filedAt ?? input.now).getTime() > deadline.getTime();
  const values: Record<string, string | null> = {
    'contact.organisation': text(org.legalName),
    'contact.kvk': text(org.kvkNumber),
    'contact.address': text(org.address),
    'contact.contact': text([org.contactName, org.contactEmail, org.contactPhone].filter(Boolean).join(', ')),
    'contact.dpo': org.dpoName || org.dpoEmail ? [org.dpoName, org.dpoEmail].filter(Boolean).join(', ') : null,
    'timeline.started': facts?.startedAt ? when(new Date(facts.startedAt)) : null,
    'timeline.detected': when(input.detectedAt),
    'timeline.aware': when(input.awareAt),
    'timeline.discovered_how': text(facts?.discoveredHow),
    'what.summary': text(`${input.title}. ${input.description}`),
    'what.nature': facts?.nature?.length ? facts.nature.join(', ') : null,
    'what.cause': text(facts?.cause),
    'data.categories': facts ? text([facts.dataDescription, facts.dataCategories.join(', ')].filter(Boolean).join(' — ')) : null,
    'data.bsn': facts ? (facts.dataCategories.includes('national_id') ? (nl ? 'ja (of een ander nationaal identificatienummer)' : 'yes (or another national identifier)') : no) : null,
    'data.special': facts ? yesNo(facts.dataCategories.some((category) => SPECIAL.includes(category))) : null,
    'data.records': facts?.approximateRecords != null ? String(facts.approximateRecords) : null,
    'subjects.categories': facts?.dataSubjectCategories.length ? facts.dataSubjectCategories.join(', ') : null,
    'subjects.count': facts ? `${facts.subjects.min}–${facts.subjects.max}` : null,
    'encryption.unintelligible': facts ? yesNo(facts.unintelligible ?? false) : null,
    'consequences.consequences': text(facts?.likelyConsequences),
    'consequences.severity': decision.risk ? `${decision.risk}${decision.source === 'override' ? (nl ? ' (bijgesteld door medewerker)' : ' (overridden by staff)') : ''}` : null,
    'informed.informed': input.dataSubjectsCommunicatedAt ? `${yes}, ${when(input.dataSubjectsCommunicatedAt)}` : decision.communicateDataSubjects ? (nl ? 'nog niet; dit gebeurt zonder onnodige vertraging' : 'not yet; without undue delay') : no,
    'measures.taken': text(facts?.measuresTaken),
    'measures.proposed': text(facts?.measuresProposed),
    'cross_border.cross_border': facts ? yesNo(facts.crossBorder) : null,
  };
  if (late) values['timeline.delay'] = text(input.delayReason);
  if (!input.dataSubjectsCommunicatedAt) {
    values['informed.why_not'] = decision.communicateDataSubjects
      ? (nl ? 'n.v.t.: de betrokkenen worden geïnformeerd' : 'n/a: the data subjects will be informed')
      : text(facts?.dataSubjectsNotInformedReason) ?? (nl ? 'Geen hoog risico voor de betrokkenen (artikel 34 lid 1 AVG).' : 'No high risk to the data subjects (Article 34(1) GDPR).');
  }
  return values;
}
