import { DocumentLanguage, formatDateTimeForDocument, PdfWriter } from '@verwerker/documents';
import { TransferClassification } from '../rules/transfer-classifier';
import { Authorisation, ChangeKind } from '../rules/change-rules';
import { SubprocessorDetails } from '../register/subprocessor.entities';

export interface ChangeNoticeFigures {
  processorName: string;
  clientName: string;
  kind: ChangeKind;
  authorisation: Authorisation;
  details: SubprocessorDetails;
  replaces: string | null;
  classification: TransferClassification | null;
  effectiveAt: Date;
  respondBefore: Date;
  changeId: string;
}

const TEXT = {
  nl: {
    title: { addition: 'Aankondiging nieuwe subverwerker', replacement: 'Aankondiging vervanging subverwerker', removal: 'Aankondiging vertrek subverwerker' },
    general: 'U heeft ons algemene schriftelijke toestemming gegeven om subverwerkers in te schakelen. Artikel 28 lid 2 AVG verplicht ons u vooraf te informeren, zodat u bezwaar kunt maken.',
    specific: 'Onze overeenkomst vraagt uw specifieke schriftelijke toestemming vooraf (artikel 28 lid 2 AVG). Zonder toestemming geldt de wijziging niet voor uw gegevens.',
    removal: 'Wij schakelen deze subverwerker niet langer in. U hoeft niets te doen.',
    howGeneral: 'Bezwaar maken kan tot de ingangsdatum via de API (POST /subprocessor-changes/{id}/objection) of bij ons contactpunt, met uw redenen.',
    howSpecific: 'Toestemming geven of weigeren kan tot de ingangsdatum via de API (POST /subprocessor-changes/{id}/approval of /objection).',
    to: 'Aan', from: 'Van', subprocessor: 'Subverwerker', replaces: 'Vervangt', services: 'Diensten', processing: 'Verwerkingslanden', access: 'Toegang vanuit',
    certifications: 'Certificeringen', agreement: 'Verwerkersovereenkomst met ons sinds', effective: 'Ingangsdatum', respond: 'Reageren vóór', transfer: 'Doorgifte buiten de EER', status: 'Status', reference: 'Kenmerk', none: '(geen)',
  },
  en: {
    title: { addition: 'Notice of a new sub-processor', replacement: 'Notice of a sub-processor replacement', removal: 'Notice of a sub-processor leaving' },
    general: 'You gave us general written authorisation to engage sub-processors. Article 28(2) GDPR obliges us to inform you in advance, so you can object.',
    specific: 'Our agreement requires your prior specific written authorisation (Article 28(2) GDPR). Without it, the change does not apply to your data.',
    removal: 'We will no longer engage this sub-processor. No action is needed.',
    howGeneral: 'You may object until the date of effect through the API (POST /subprocessor-changes/{id}/objection) or via our contact point, with your reasons.',
    howSpecific: 'You may approve or decline until the date of effect through the API (POST /subprocessor-changes/{id}/approval or /objection).',
    to: 'To', from: 'From', subprocessor: 'Sub-processor', replaces: 'Replaces', services: 'Services', processing: 'Processing countries', access: 'Access from',
    certifications: 'Certifications', agreement: 'Processor agreement with us since', effective: 'Takes effect', respond: 'Respond before', transfer: 'Transfers outside the EEA', status: 'Status', reference: 'Reference', none: '(none)',
  },
} as const;

/** The change notice letter (PDF) attached to the e-mail: who, what, where the data goes, and how to respond. */
export function drawChangeNotice(writer: PdfWriter, figures: ChangeNoticeFigures, language: DocumentLanguage): void {
  const text = TEXT[language];
  const list = (values: string[]) => (values.length ? values.join(', ') : text.none);
  writer.title(text.title[figures.kind]);
  writer.keyValues([
    { label: text.to, value: figures.clientName },
    { label: text.from, value: figures.processorName },
    { label: text.reference, value: figures.changeId },
  ]);
  writer.paragraph(figures.kind === 'removal' ? text.removal : figures.authorisation === 'specific' ? text.specific : text.general);
  const rows: { label: string; value: string }[] = [
    { label: text.subprocessor, value: figures.details.legalName },
    ...(figures.replaces ? [{ label: text.replaces, value: figures.replaces }] : []),
    { label: text.services, value: list(figures.details.services) },
    { label: text.processing, value: list(figures.details.processingCountries) },
    { label: text.access, value: list(figures.details.accessCountries) },
    { label: text.certifications, value: list(figures.details.certifications) },
    ...(figures.details.agreementDate ? [{ label: text.agreement, value: figures.details.agreementDate }] : []),
    { label: text.effective, value: formatDateTimeForDocument(figures.effectiveAt, language) },
  ];
  if (figures.kind !== 'removal') rows.push({ label: text.respond, value: formatDateTimeForDocument(figures.respondBefore, language) });
  writer.keyValues(rows);
  if (figures.classification) {
    writer.heading(text.transfer, 2);
    writer.keyValues([{ label: text.status, value: figures.classification.status }]);
    writer.bulletList(figures.classification.locations.flatMap((location) => location.reasons.map((reason) => `${location.country}: ${reason.text} (${reason.reference})`)));
  }
  if (figures.kind !== 'removal') writer.paragraph(figures.authorisation === 'specific' ? text.howSpecific : text.howGeneral, { muted: true });
}
