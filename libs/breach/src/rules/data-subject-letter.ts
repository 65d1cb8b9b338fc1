import { DateTime } from 'luxon';
import { IncidentFacts } from './incident-facts';

/**
 * The communication to data subjects (Art. 34(2)): in clear and plain language, at least the nature of the
 * breach, the contact point, the likely consequences and the measures taken or proposed — plus what people can
 * do themselves (EDPB Guidelines 9/2022, §64). A draft for staff to send; pure.
 */
export interface DataSubjectLetterInput {
  organisation: string;
  reference: string;
  title: string;
  description: string;
  awareAt: Date | null;
  facts: IncidentFacts | null;
  contact: { name: string; email: string; phone: string | null };
}

export interface DataSubjectLetter {
  language: 'nl' | 'en';
  subject: string;
  paragraphs: string[];
  missing: string[];
}

export function dataSubjectLetter(input: DataSubjectLetterInput, language: 'nl' | 'en'): DataSubjectLetter {
  const nl = language === 'nl';
  const facts = input.facts;
  const missing: string[] = [];
  const need = (value: string | null | undefined, key: string, fallback: string): string => {
    if (value && value.trim()) return value.trim();
    missing.push(key);
    return fallback;
  };
  const when = input.awareAt ? DateTime.fromJSDate(input.awareAt, { zone: 'Europe/Amsterdam' }).setLocale(language).toFormat('d MMMM yyyy') : null;
  const data = facts?.dataDescription ?? (facts?.dataCategories.length ? facts.dataCategories.join(', ') : null);
  const contact = [input.contact.name, input.contact.email, input.contact.phone].filter(Boolean).join(', ');
  const paragraphs = nl
    ? [
        'Beste meneer, mevrouw,',
        `Wij moeten u helaas laten weten dat er${when ? ` op ${when}` : ''} iets mis is gegaan met uw persoonsgegevens bij ${input.organisation}. ${input.description}`,
        `Het gaat om deze gegevens: ${need(data, 'dataDescription', '[welke gegevens]')}.`,
        `Wat dit voor u kan betekenen: ${need(facts?.likelyConsequences, 'likelyConsequences', '[mogelijke gevolgen]')}`,
        `Wat wij hebben gedaan: ${need(facts?.measuresTaken, 'measuresTaken', '[genomen maatregelen]')}${facts?.measuresProposed ? ` Wat wij nog gaan doen: ${facts.measuresProposed}` : ''}`,
        'Wat u zelf kunt doen: wees alert op e-mails, sms-berichten en telefoontjes die naar deze gebeurtenis verwijzen of om gegevens of betalingen vragen, en wijzig uw wachtwoord als u dat ook elders gebruikt.',
        `Heeft u vragen? Neem contact op met ${contact}. Noem daarbij kenmerk ${input.reference}.`,
        `Met vriendelijke groet,\n${input.organisation}`,
      ]
    : [
        'Dear Sir or Madam,',
        `We regret to inform you that${when ? ` on ${when}` : ''} something went wrong with your personal data at ${input.organisation}. ${input.description}`,
        `The data concerned: ${need(data, 'dataDescription', '[which data]')}.`,
        `What this may mean for you: ${need(facts?.likelyConsequences, 'likelyConsequences', '[likely consequences]')}`,
        `What we have done: ${need(facts?.measuresTaken, 'measuresTaken', '[measures taken]')}${facts?.measuresProposed ? ` What we will do next: ${facts.measuresProposed}` : ''}`,
        'What you can do: be alert to e-mails, text messages and calls that refer to this event or ask for data or payments, and change your password if you use it elsewhere too.',
        `Questions? Contact ${contact}, quoting reference ${input.reference}.`,
        `Kind regards,\n${input.organisation}`,
      ];
  return { language, subject: nl ? `Belangrijk bericht over uw persoonsgegevens (${input.reference})` : `Important notice about your personal data (${input.reference})`, paragraphs, missing: [...new Set(missing)] };
}
