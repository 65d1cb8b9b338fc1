import { formatDateTimeForDocument, PdfMeta, PdfWriter } from '@verwerker/documents';
import type { ProcessingRegister } from './processing-register.service';

const TEXTS = {
  nl: {
    title: 'Register van verwerkingsactiviteiten (verwerker)',
    intro: 'Register van de verwerker op grond van artikel 30 lid 2 AVG: per verwerkingsverantwoordelijke de categorieën van verwerkingen, doorgiften naar derde landen met hun waarborgen, en een algemene beschrijving van de beveiligingsmaatregelen.',
    processor: 'Verwerker', dpo: 'Functionaris gegevensbescherming', generated: 'Opgesteld op', controller: 'Verwerkingsverantwoordelijke', contact: 'Contact',
    agreement: 'Verwerkersovereenkomst', none: 'geen', inForce: 'van kracht', notInForce: 'niet van kracht',
    categories: 'Categorieën van verwerkingen (art. 30 lid 2 onder b)', subject: 'Onderwerp', purpose: 'Aard en doel', services: 'Diensten', data: 'Persoonsgegevens', subjects: 'Betrokkenen',
    transfers: 'Doorgiften naar derde landen (art. 30 lid 2 onder c)', noTransfers: 'Geen doorgiften buiten de EER.', transferColumns: ['Subverwerker', 'Landen', 'Waarborg'],
    measures: 'Beveiligingsmaatregelen (art. 30 lid 2 onder d)', version: (n: number) => `versie ${n}`, empty: '—', footer: 'Register art. 30 lid 2 AVG',
  },
  en: {
    title: 'Record of processing activities (processor)',
    intro: 'The processor’s record under Article 30(2) GDPR: per controller the categories of processing, transfers to third countries with their safeguards, and a general description of the security measures.',
    processor: 'Processor', dpo: 'Data protection officer', generated: 'Generated at', controller: 'Controller', contact: 'Contact',
    agreement: 'Processing agreement', none: 'none', inForce: 'in force', notInForce: 'not in force',
    categories: 'Categories of processing (Art. 30(2)(b))', subject: 'Subject matter', purpose: 'Nature and purpose', services: 'Services', data: 'Personal data', subjects: 'Data subjects',
    transfers: 'Transfers to third countries (Art. 30(2)(c))', noTransfers: 'No transfers outside the EEA.', transferColumns: ['Sub-processor', 'Countries', 'Safeguard'],
    measures: 'Security measures (Art. 30(2)(d))', version: (n: number) => `version ${n}`, empty: '—', footer: 'Record Art. 30(2) GDPR',
  },
};

export function registerPdfMeta(register: ProcessingRegister, language: 'nl' | 'en'): PdfMeta {
  return { title: TEXTS[language].title, author: register.processor.legalName, subject: TEXTS[language].title, language, createdAt: register.generatedAt, footer: `${TEXTS[language].footer} · ${register.processor.legalName}` };
}

export function drawRegister(register: ProcessingRegister, language: 'nl' | 'en'): (writer: PdfWriter) => void {
  const t = TEXTS[language];
  const list = (values: string[]) => (values.length ? values.join(', ') : t.empty);
  return (writer) => {
    writer.title(t.title);
    writer.paragraph(t.intro);
    writer.keyValues([
      { label: t.processor, value: `${register.processor.legalName}${register.processor.kvkNumber ? `, KvK ${register.processor.kvkNumber}` : ''}\n${register.processor.contactName}, ${register.processor.contactEmail}` },
      ...(register.processor.dpoName || register.processor.dpoEmail ? [{ label: t.dpo, value: [register.processor.dpoName, register.processor.dpoEmail].filter(Boolean).join(', ') }] : []),
      { label: t.generated, value: formatDateTimeForDocument(register.generatedAt, language) },
    ]);
    for (const entry of register.entries) {
      writer.heading(entry.client.legalName);
      writer.keyValues([
        { label: t.controller, value: [entry.client.legalName, entry.client.kvkNumber ? `KvK ${entry.client.kvkNumber}` : null, entry.client.country].filter(Boolean).join(', ') },
        { label: t.contact, value: `${entry.client.contactName}, ${entry.client.contactEmail}` },
        { label: t.agreement, value: entry.agreement ? `${t.version(entry.agreement.versionNumber)} (${entry.agreement.inForce ? t.inForce : t.notInForce})` : t.none },
      ]);
      writer.heading(t.categories, 2);
      const categories = entry.categoriesOfProcessing;
      writer.keyValues([
        { label: t.subject, value: categories.subjectMatter ?? t.empty },
        { label: t.purpose, value: categories.natureAndPurpose ?? t.empty },
        { label: t.services, value: list(categories.services) },
        { label: t.data, value: list(categories.dataCategories) },
        { label: t.subjects, value: list(categories.dataSubjectCategories) },
      ]);
      writer.heading(t.transfers, 2);
      if (entry.transfers.length) {
        writer.table({
          columns: t.transferColumns.map((header, index) => ({ header, width: [3, 2, 4][index] })),
          rows: entry.transfers.map((transfer) => [transfer.subprocessor, transfer.countries.join(', '), transfer.safeguard ?? transfer.mechanism ?? t.empty]),
        });
      } else writer.paragraph(t.noTransfers, { muted: true });
      writer.heading(t.measures, 2);
      writer.bulletList(entry.securityMeasures.map((measure) => `${measure.category.replace(/_/g, ' ')}: ${measure.description}`));
    }
  };
}
