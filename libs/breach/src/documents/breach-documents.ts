import { Injectable } from '@nestjs/common';
import { DocumentLanguage, formatDateTimeForDocument, PdfRenderer, PdfWriter } from '@verwerker/documents';
import { FormAnswer } from '../rules/authority-form';
import { DataSubjectLetter } from '../rules/data-subject-letter';

/** What a client's breach notice letter says (Art. 33(3) (a)–(d) and the draft assessment). */
export interface ClientLetter {
  processorName: string;
  reference: string;
  title: string;
  description: string;
  awareAt: Date;
  /** The client it is addressed to, or null for a letter shared by clients with the same hours and language. */
  clientName: string | null;
  agreementHours: number;
  deadline: Date;
  dataCategories: string;
  dataSubjectCategories: string;
  subjects: string | null;
  records: string | null;
  likelyConsequences: string;
  measures: string;
  contact: string;
  dpo: string | null;
  followUp: { sequence: number; changes: string } | null;
  assessment: { risk: string; band: string; score: number; notifyAuthority: boolean; communicateDataSubjects: boolean; reasons: Array<{ reference: string; text: string }> } | null;
  formAnswers: FormAnswer[];
  decidedAt: Date;
}

export interface RegisterRow {
  reference: string;
  title: string;
  state: string;
  detectedAt: Date;
  awareAt: Date | null;
  clients: number;
  ownData: boolean;
  risk: string | null;
  decision: string;
  effects: string | null;
  measures: string | null;
  reasons: string[];
}

const RISK: Record<string, Record<DocumentLanguage, string>> = {
  unlikely: { nl: 'waarschijnlijk geen risico', en: 'unlikely to result in a risk' },
  risk: { nl: 'risico', en: 'risk' },
  high: { nl: 'hoog risico', en: 'high risk' },
};

/** The breach workflow's PDFs, nl/en, deterministic: the same input gives the same bytes. */
@Injectable()
export class BreachDocuments {
  constructor(private readonly pdf: PdfRenderer) {}

  clientNotice(letter: ClientLetter, language: DocumentLanguage): Promise<Buffer> {
    const nl = language === 'nl';
    const title = letter.followUp
      ? nl ? `Aanvulling ${letter.followUp.sequence - 1} op melding datalek ${letter.reference}` : `Follow-up ${letter.followUp.sequence - 1} to breach notice ${letter.reference}`
      : nl ? `Melding datalek ${letter.reference}` : `Personal data breach notice ${letter.reference}`;
    return this.pdf.render(
      { title, author: letter.processorName, subject: letter.title, language, createdAt: letter.decidedAt, footer: `${letter.reference} · ${letter.processorName}` },
      (writer) => {
        writer.title(title);
        writer.keyValues([
          { label: nl ? 'Van' : 'From', value: `${letter.processorName} (${nl ? 'verwerker' : 'processor'})` },
          { label: nl ? 'Aan' : 'To', value: letter.clientName ?? (nl ? `De verwerkingsverantwoordelijke (meldtermijn ${letter.agreementHours} uur)` : `The controller (notice period ${letter.agreementHours} hours)`) },
          { label: nl ? 'Datum' : 'Date', value: formatDateTimeForDocument(letter.decidedAt, language) },
          { label: nl ? 'Onderwerp' : 'Subject', value: letter.title },
        ]);
        writer.paragraph(
          nl
            ? 'Als uw verwerker melden wij u zonder onredelijke vertraging een inbreuk in verband met persoonsgegevens die wij voor u verwerken (artikel 33 lid 2 AVG). U beslist als verwerkingsverantwoordelijke of u de Autoriteit Persoonsgegevens en de betrokkenen informeert; uw eigen termijn van 72 uur begint nu u op de hoogte bent. Hieronder vindt u wat nu bekend is; wij vullen aan zodra er meer bekend is (artikel 33 lid 4 AVG).'
            : 'As your processor we notify you without undue delay of a personal data breach concerning data we process for you (Article 33(2) GDPR). As the controller you decide whether to notify the supervisory authority and the data subjects; your own 72 hours start now that you are aware. Below is what is known now; we will follow up as more becomes known (Article 33(4) GDPR).',
        );
        if (letter.followUp) {
          writer.heading(nl ? 'Wat is er veranderd' : 'What changed', 2);
          writer.paragraph(letter.followUp.changes);
        }
        writer.heading(nl ? 'Tijdlijn' : 'Timeline', 2);
        writer.keyValues([
          { label: nl ? 'Bewust sinds' : 'Aware since', value: formatDateTimeForDocument(letter.awareAt, language) },
          { label: nl ? 'Meldtermijn' : 'Notice deadline', value: `${formatDateTimeForDocument(letter.deadline, language)} (${letter.agreementHours} ${nl ? 'uur na bewustwording' : 'hours after awareness'})` },
        ]);
        writer.heading(nl ? '(a) Aard van de inbreuk' : '(a) Nature of the breach', 2);
        writer.paragraph(letter.description);
        writer.keyValues([
          { label: nl ? 'Persoonsgegevens' : 'Personal data', value: letter.dataCategories },
          { label: nl ? 'Betrokkenen' : 'Data subjects', value: letter.dataSubjectCategories },
          { label: nl ? 'Aantal betrokkenen' : 'Number of data subjects', value: letter.subjects ?? (nl ? 'nog onbekend' : 'not yet known') },
          { label: nl ? 'Aantal records' : 'Number of records', value: letter.records ?? (nl ? 'nog onbekend' : 'not yet known') },
        ]);
        writer.heading(nl ? '(b) Contactpunt' : '(b) Contact point', 2);
        writer.keyValues([
          { label: nl ? 'Contact' : 'Contact', value: letter.contact },
          ...(letter.dpo ? [{ label: nl ? 'Functionaris gegevensbescherming' : 'Data protection officer', value: letter.dpo }] : []),
        ]);
        writer.heading(nl ? '(c) Waarschijnlijke gevolgen' : '(c) Likely consequences', 2);
        writer.paragraph(letter.likelyConsequences);
        writer.heading(nl ? '(d) Genomen en voorgestelde maatregelen' : '(d) Measures taken or proposed', 2);
        writer.paragraph(letter.measures);
        if (letter.assessment) {
          const assessment = letter.assessment;
          writer.heading(nl ? 'Concept-risicobeoordeling voor uw besluit' : 'Draft risk assessment for your decision', 2);
          writer.keyValues([
            { label: nl ? 'Ernst (ENISA)' : 'Severity (ENISA)', value: `${assessment.score} (${assessment.band})` },
            { label: nl ? 'Risico' : 'Risk', value: RISK[assessment.risk]?.[language] ?? assessment.risk },
            { label: nl ? 'Melden aan de AP' : 'Notify the supervisory authority', value: assessment.notifyAuthority ? (nl ? 'ja (artikel 33 lid 1 AVG)' : 'yes (Article 33(1) GDPR)') : nl ? 'nee' : 'no' },
            { label: nl ? 'Betrokkenen informeren' : 'Communicate to data subjects', value: assessment.communicateDataSubjects ? (nl ? 'ja (artikel 34 AVG)' : 'yes (Article 34 GDPR)') : nl ? 'nee' : 'no' },
          ]);
          writer.bulletList(assessment.reasons.map((reason) => `${reason.text} — ${reason.reference}`));
        }
        if (letter.formAnswers.length) {
          writer.heading(nl ? 'Antwoorden voor het meldformulier van de AP' : 'Answers for the Dutch DPA’s notification form', 2);
          writer.paragraph(nl ? 'Vooraf ingevuld in de volgorde van het formulier; vul aan wat ontbreekt.' : 'Pre-filled in the order of the form; complete what is missing.', { muted: true });
          writer.table({
            columns: [{ header: nl ? 'Vraag' : 'Question', width: 2 }, { header: nl ? 'Antwoord' : 'Answer', width: 3 }],
            rows: letter.formAnswers.map((answer) => [answer.question, answer.answer ?? (nl ? '— ontbreekt nog —' : '— still missing —')]),
          });
        }
      },
    );
  }

  authorityDraft(input: { processorName: string; reference: string; title: string; answers: FormAnswer[]; deadline: Date | null; filedAt: Date | null; filingReference: string | null; decisionReasons: string[]; generatedAt: Date }, language: DocumentLanguage): Promise<Buffer> {
    const nl = language === 'nl';
    const title = nl ? `Concept melding datalek aan de Autoriteit Persoonsgegevens — ${input.reference}` : `Draft breach notification to the Dutch DPA — ${input.reference}`;
    return this.pdf.render({ title, author: input.processorName, subject: input.title, language, createdAt: input.generatedAt, footer: `${input.reference} · ${nl ? 'concept' : 'draft'}` }, (writer) => {
      writer.title(title);
      const missing = input.answers.filter((answer) => answer.missing).length;
      writer.keyValues([
        { label: nl ? 'Uiterlijk melden' : 'Notify by', value: input.deadline ? `${formatDateTimeForDocument(input.deadline, language)} (${nl ? '72 uur na bewustwording, artikel 33 lid 1 AVG' : '72 hours after awareness, Article 33(1) GDPR'})` : nl ? 'nog geen bewustwording vastgelegd' : 'awareness not recorded yet' },
        { label: nl ? 'Gemeld' : 'Filed', value: input.filedAt ? `${formatDateTimeForDocument(input.filedAt, language)}${input.filingReference ? `, ${nl ? 'kenmerk' : 'reference'} ${input.filingReference}` : ''}` : nl ? 'nog niet' : 'not yet' },
        { label: nl ? 'Nog in te vullen' : 'Still missing', value: missing ? `${missing} ${nl ? 'antwoord(en), gemarkeerd' : 'answer(s), marked'}` : nl ? 'niets' : 'nothing' },
      ]);
      writer.paragraph(nl ? 'De AP neemt meldingen alleen aan via het online meldformulier. Hieronder staan de antwoorden in de volgorde van dat formulier.' : 'The AP accepts notifications only through its online form. The answers below follow the order of that form.', { muted: true });
      const sections = [...new Set(input.answers.map((answer) => answer.section))];
      for (const section of sections) {
        writer.heading(section, 2);
        writer.table({
          columns: [{ header: nl ? 'Vraag' : 'Question', width: 2 }, { header: nl ? 'Antwoord' : 'Answer', width: 3 }],
          rows: input.answers
            .filter((answer) => answer.section === section)
            .map((answer) => [answer.question, answer.answer ?? (nl ? '▲ ONTBREEKT — nog invullen' : '▲ MISSING — to be completed')]),
        });
      }
      if (input.decisionReasons.length) {
        writer.heading(nl ? 'Onderbouwing van het besluit' : 'Reasons for the decision', 2);
        writer.bulletList(input.decisionReasons);
      }
    });
  }

  dataSubjectLetter(input: { processorName: string; reference: string; letter: DataSubjectLetter; generatedAt: Date }, language: DocumentLanguage): Promise<Buffer> {
    return this.pdf.render({ title: input.letter.subject, author: input.processorName, subject: input.reference, language, createdAt: input.generatedAt, footer: input.reference }, (writer) => {
      writer.title(input.letter.subject);
      for (const paragraph of input.letter.paragraphs) writer.paragraph(paragraph);
    });
  }

  register(rows: RegisterRow[], input: { processorName: string; generatedAt: Date }, language: DocumentLanguage): Promise<Buffer> {
    const nl = language === 'nl';
    const title = nl ? 'Register van datalekken en incidenten (artikel 33 lid 5 AVG)' : 'Register of breaches and incidents (Article 33(5) GDPR)';
    return this.pdf.render({ title, author: input.processorName, subject: title, language, createdAt: input.generatedAt, footer: input.processorName }, (writer) => {
      writer.title(title);
      writer.paragraph(`${input.processorName} · ${formatDateTimeForDocument(input.generatedAt, language)} · ${rows.length} ${nl ? 'incident(en)' : 'incident(s)'}`, { muted: true });
      for (const row of rows) {
        writer.heading(`${row.reference} — ${row.title}`, 2);
        writer.keyValues([
          { label: nl ? 'Status' : 'State', value: row.state },
          { label: nl ? 'Ontdekt' : 'Detected', value: formatDateTimeForDocument(row.detectedAt, language) },
          { label: nl ? 'Bewust' : 'Aware', value: row.awareAt ? formatDateTimeForDocument(row.awareAt, language) : '—' },
          { label: nl ? 'Getroffen' : 'Affected', value: `${row.clients} ${nl ? 'klant(en)' : 'client(s)'}${row.ownData ? (nl ? ' en eigen gegevens' : ' and our own data') : ''}` },
          { label: nl ? 'Risico' : 'Risk', value: row.risk ? RISK[row.risk]?.[language] ?? row.risk : '—' },
          { label: nl ? 'Besluit' : 'Decision', value: row.decision },
          { label: nl ? 'Gevolgen' : 'Effects', value: row.effects ?? '—' },
          { label: nl ? 'Maatregelen' : 'Measures', value: row.measures ?? '—' },
        ]);
        if (row.reasons.length) writer.bulletList(row.reasons);
      }
    });
  }
}
