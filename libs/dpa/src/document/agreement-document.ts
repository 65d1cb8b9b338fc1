import { formatDateForDocument, PdfMeta, PdfWriter, sha256Hex } from '@verwerker/documents';
import { canonicalJson } from '@verwerker/platform';
import type { AgreementParties } from '../agreements/agreement-version.entity';
import type { SubprocessorAnnexEntry } from '../agreements/subprocessor-annex';
import type { AgreementLanguage, AgreementTerms } from '../rules/agreement-terms';
import { ARTICLE_28_ITEMS, assessCompleteness } from '../rules/article-28-completeness';
import { AGREEMENT_TEXTS } from './agreement-texts';

/** Everything the document shows. All of it is stored with the version, so a re-render gives the same bytes. */
export interface AgreementDocumentModel {
  agreementId: string;
  title: string;
  number: number;
  draft: boolean;
  terms: AgreementTerms;
  parties: AgreementParties;
  subprocessors: SubprocessorAnnexEntry[];
  /** When the content was fixed: the sending, or for a draft preview its last change. The PDF's dates. */
  fixedAt: Date;
  sentAt: Date | null;
  forceReason: string | null;
}

export function documentLanguageOf(terms: AgreementTerms): AgreementLanguage {
  return terms.language ?? 'nl';
}

/**
 * SHA-256 over the canonical JSON of what was agreed: the footer's hash. It cannot be the hash of the PDF itself
 * (that would be circular); the PDF's own hash is recorded at sending and at acceptance instead.
 */
export function contentSha256(model: Pick<AgreementDocumentModel, 'agreementId' | 'title' | 'number' | 'terms' | 'parties' | 'subprocessors'>): string {
  const content = { agreementId: model.agreementId, title: model.title, version: model.number, terms: model.terms, parties: model.parties, subprocessors: model.subprocessors };
  return sha256Hex(Buffer.from(canonicalJson(content), 'utf8'));
}

export function agreementPdfMeta(model: AgreementDocumentModel, hash: string): PdfMeta {
  const language = documentLanguageOf(model.terms);
  const texts = AGREEMENT_TEXTS[language];
  return {
    title: `${texts.documentTitle} — ${model.parties.client.legalName} — ${texts.version(model.number)}${model.draft ? ` (${texts.draftMarker})` : ''}`,
    author: model.parties.processor.legalName,
    subject: model.title,
    language,
    createdAt: model.fixedAt,
    footer: texts.footer(model.number, hash),
    keywords: `sha256:${hash}`,
  };
}

const humanise = (category: string): string => {
  const words = category.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Draws the agreement: parties, part A (Data Pro Statement), part B (standard clauses), acceptance, annexes 1–3. */
export function drawAgreement(model: AgreementDocumentModel, hash: string): (writer: PdfWriter) => void {
  const language = documentLanguageOf(model.terms);
  const texts = AGREEMENT_TEXTS[language];
  const { processor, client } = model.parties;
  const terms = model.terms;
  const completeness = assessCompleteness(terms);
  const presentItems = new Set(completeness.findings.filter((finding) => finding.present).map((finding) => finding.item));
  const annexes = { measures: language === 'nl' ? 'bijlage 1' : 'annex 1', subprocessors: language === 'nl' ? 'bijlage 2' : 'annex 2' };

  return (writer) => {
    writer.title(`${texts.documentTitle}`);
    writer.paragraph(`${model.title} — ${texts.version(model.number)}`, { muted: true });
    if (model.draft) writer.paragraph(texts.draftMarker);

    writer.heading(texts.partiesHeading);
    const processorLine = [processor.legalName, processor.kvkNumber ? `${texts.kvk} ${processor.kvkNumber}` : null, `${processor.streetAddress}, ${processor.postalCode} ${processor.city}, ${processor.country}`]
      .filter(Boolean)
      .join('\n');
    const rows = [
      { label: texts.processor, value: processorLine },
      { label: texts.contactPoint, value: [processor.contactName, processor.contactEmail, processor.contactPhone].filter(Boolean).join(', ') },
    ];
    if (processor.dpoName || processor.dpoEmail) rows.push({ label: texts.dpo, value: [processor.dpoName, processor.dpoEmail].filter(Boolean).join(', ') });
    rows.push(
      { label: texts.controller, value: [client.legalName, client.kvkNumber ? `${texts.kvk} ${client.kvkNumber}` : null, client.country].filter(Boolean).join('\n') },
      { label: texts.privacyContact, value: `${client.privacyContactName}, ${client.privacyContactEmail}` },
    );
    writer.keyValues(rows);
    writer.paragraph(texts.structure);

    writer.heading(texts.partAHeading);
    writer.paragraph(texts.partAIntro);
    writer.keyValues(texts.statement.map((row) => ({ label: row.label, value: row.value(terms, annexes) ?? texts.notProvided })));

    writer.heading(texts.partBHeading);
    texts.clauses.forEach((clause, index) => {
      writer.heading(`${texts.clauseLabel(index + 1)} — ${clause.heading}`, 2);
      const agreed = clause.items.every((item) => presentItems.has(item));
      // The general clauses of items only the drafter can fill in (subject matter…) stay: part A shows what is missing.
      const standardOnly = clause.items.length === 0 || clause.items.some((item) => !item.match(/^[a-h]_/));
      if (agreed || standardOnly) for (const paragraph of clause.body(terms)) writer.paragraph(paragraph);
      else writer.paragraph(texts.notAgreed, { muted: true });
    });

    writer.heading(texts.acceptanceHeading);
    writer.paragraph(texts.acceptanceText);
    writer.keyValues([
      { label: texts.sentOn, value: model.sentAt ? formatDateForDocument(model.sentAt, language) : texts.notSentYet },
      { label: texts.contentHash, value: hash },
    ]);
    if (model.forceReason) writer.paragraph(texts.forcedNote(model.forceReason), { muted: true });

    writer.heading(texts.annex1Heading);
    const measures = terms.measuresAnnex ?? [];
    if (measures.length) {
      writer.table({
        columns: [{ header: texts.annex1Columns[0], width: 1 }, { header: texts.annex1Columns[1], width: 3 }],
        rows: measures.map((measure) => [humanise(measure.category), measure.description]),
      });
    } else writer.paragraph(texts.annex1Empty);

    writer.heading(texts.annex2Heading);
    writer.paragraph(texts.annex2Intro(model.sentAt ? formatDateForDocument(model.sentAt, language) : null), { muted: true });
    if (model.subprocessors.length) {
      writer.table({
        columns: texts.annex2Columns.map((header, index) => ({ header, width: [3, 3, 1.5, 2.5][index] })),
        rows: model.subprocessors.map((entry) => [entry.name, entry.services.join(', '), entry.countries.join(', '), entry.safeguard ?? entry.transferMechanism ?? '—']),
      });
    } else writer.paragraph(texts.annex2Empty);

    writer.heading(texts.annex3Heading);
    const clauseOf = (item: string) => texts.clauses.findIndex((clause) => (clause.items as string[]).includes(item)) + 1;
    writer.table({
      columns: texts.annex3Columns.map((header, index) => ({ header, width: [4.6, 2.8, 1.4, 1.7][index] })),
      rows: ARTICLE_28_ITEMS.map((definition) => [
        definition.label[language],
        language === 'nl' ? dutchReference(definition.reference) : definition.reference.replace('GDPR ', ''),
        texts.clauseLabel(clauseOf(definition.item)),
        presentItems.has(definition.item) ? texts.present : texts.missing,
      ]),
    });
  };
}

/** "GDPR Art. 28(3)(a)" → "art. 28 lid 3 onder a". */
function dutchReference(reference: string): string {
  const match = /Art\. (\d+)\((\d+)\)(?:\(([a-h])\))?/.exec(reference);
  if (!match) return reference;
  return `art. ${match[1]} lid ${match[2]}${match[3] ? ` onder ${match[3]}` : ''}`;
}
