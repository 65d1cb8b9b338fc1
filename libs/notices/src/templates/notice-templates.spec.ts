import { NoticeContent, NoticeType } from '../notice-types';
import { renderNoticeTemplate } from './notice-templates';

const context = { processorName: 'Doing Better B.V.', clientName: 'Bakkerij <de Vries> & Zn' };

const breach: NoticeContent = {
  type: NoticeType.BreachNotice,
  data: {
    reference: 'DL-2026-007',
    awareAt: '2026-03-28T09:00:00Z',
    description: 'Een back-up stond open: <script>alert("x")</script>\nTweede regel.',
    dataCategories: ['naam', 'e-mailadres'],
    dataSubjectCategories: ['klanten'],
    approximateRecords: 1200,
    likelyConsequences: 'Phishing',
    measuresTaken: 'Toegang ingetrokken',
    contact: { name: 'Privacy team', email: 'privacy@doingbetter.nl' },
  },
};
const change: NoticeContent = {
  type: NoticeType.SubprocessorChange,
  data: {
    change: 'replacement',
    subprocessorName: 'Hetzner Online GmbH',
    replaces: 'Leaseweb',
    services: ['hosting'],
    countries: ['DE', 'FI'],
    effectiveDate: '2026-05-01',
    objectionDeadline: '2026-04-30',
  },
};
const dpa: NoticeContent = {
  type: NoticeType.DpaDocument,
  data: { action: 'offered', agreementTitle: 'Verwerkersovereenkomst hosting', version: '3', documentSha256: 'ab'.repeat(32) },
};

describe('renderNoticeTemplate', () => {
  it.each<[string, NoticeContent, 'nl' | 'en', RegExp, RegExp]>([
    ['breach, Dutch', breach, 'nl', /^Melding datalek DL-2026-007/, /artikel 33 lid 2 AVG/],
    ['breach, English', breach, 'en', /^Personal data breach notice DL-2026-007/, /Article 33\(2\) GDPR/],
    ['sub-processor change, Dutch', change, 'nl', /^Voorgenomen vervangende subverwerker: Hetzner/, /artikel 28 lid 2 AVG/],
    ['sub-processor change, English', change, 'en', /^Intended replacement sub-processor: Hetzner/, /Article 28\(2\) GDPR/],
    ['DPA document, Dutch', dpa, 'nl', /^Verwerkersovereenkomst ter ondertekening/, /artikel 28 lid 3 AVG/],
    ['DPA document, English', dpa, 'en', /^Processor agreement for signature/, /Article 28\(3\) GDPR/],
  ])('%s: subject and body in the client language', (_case, content, language, subject, body) => {
    const sut = renderNoticeTemplate(content, language, context);
    expect(sut.subject).toMatch(subject);
    expect(sut.text).toMatch(body);
    expect(sut.html).toMatch(body);
    expect(sut.html).toContain(`<html lang="${language}">`);
  });

  it('shows instants in Amsterdam time with the offset, in the language of the notice', () => {
    expect(renderNoticeTemplate(breach, 'nl', context).text).toContain('28 maart 2026 10:00 (UTC+01:00)');
    expect(renderNoticeTemplate(breach, 'en', context).text).toContain('28 March 2026 10:00 (UTC+01:00)');
    expect(renderNoticeTemplate(change, 'nl', context).text).toContain('1 mei 2026');
  });

  it('escapes every value in the HTML: reported text cannot inject markup', () => {
    const sut = renderNoticeTemplate(breach, 'nl', context);
    expect(sut.html).not.toContain('<script>');
    expect(sut.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Tweede regel.');
    expect(sut.html).toContain('Bakkerij &lt;de Vries&gt; &amp; Zn');
    // the plain text keeps the words as written
    expect(sut.text).toContain('<script>alert("x")</script>');
  });

  it('keeps the subject on one line, so it cannot add e-mail headers', () => {
    const sut = renderNoticeTemplate({ ...change, data: { ...change.data, subprocessorName: 'Evil\r\nBcc: x@y.example' } } as NoticeContent, 'en', context);
    expect(sut.subject).not.toMatch(/[\r\n]/);
  });
});

describe('renderNoticeTemplate: processor agreement lifecycle notices (Art. 28(3) GDPR)', () => {
  const base = { agreementTitle: 'Verwerkersovereenkomst hosting', version: '2', documentSha256: 'cd'.repeat(32) };
  it.each<[string, NoticeContent, 'nl' | 'en', RegExp, string]>([
    ['reminder, Dutch', { type: NoticeType.DpaDocument, data: { ...base, action: 'reminder', sentAt: '2026-03-01T09:00:00Z' } }, 'nl', /^Herinnering: verwerkersovereenkomst/, '1 maart 2026 10:00 (UTC+01:00)'],
    ['reminder, English', { type: NoticeType.DpaDocument, data: { ...base, action: 'reminder', sentAt: '2026-03-01T09:00:00Z' } }, 'en', /^Reminder: processor agreement/, '1 March 2026 10:00 (UTC+01:00)'],
    ['terminated, Dutch', { type: NoticeType.DpaDocument, data: { ...base, action: 'terminated', endOfService: 'return', endOfServiceDueOn: '2026-04-30' } }, 'nl', /^Verwerkersovereenkomst beëindigd/, 'teruggeven'],
    ['end of service due, English', { type: NoticeType.DpaDocument, data: { ...base, action: 'end_of_service_due', endOfService: 'delete', endOfServiceDueOn: '2026-04-30' } }, 'en', /^Deletion or return of data/, '30 April 2026'],
  ])('%s', (_case, content, language, subject, fact) => {
    const sut = renderNoticeTemplate(content, language, context);
    expect(sut.subject).toMatch(subject);
    expect(sut.text).toContain(fact);
  });
});

describe('renderNoticeTemplate: internal breach deadline alerts (to the incident handler and the DPO)', () => {
  const alert = (point: number | 'overdue', escalated: boolean): NoticeContent => ({
    type: NoticeType.BreachDeadlineAlert,
    data: { reference: 'INC-1', incidentTitle: 'TransIP opslag', obligation: 'client_notice', agreementHours: 24, openClients: 3, deadline: '2026-10-25T01:00:00Z', point, escalated },
  });
  it.each<[string, NoticeContent, 'nl' | 'en', RegExp, string]>([
    ['a point reached, Dutch', alert(0.75, false), 'nl', /^Herinnering \(75%\): Melding aan klanten \(artikel 33 lid 2 AVG\) — INC-1$/, '25 oktober 2026 02:00 (UTC+01:00)'],
    ['a point reached, English', alert(0.5, false), 'en', /^Reminder \(50%\): Notice to clients \(Article 33\(2\) GDPR\) — INC-1$/, 'Clients not yet notified: 3'],
    ['overdue and escalated, Dutch', alert('overdue', true), 'nl', /^VERLOPEN: Melding aan klanten/, 'functionaris gegevensbescherming'],
    ['overdue and escalated, English', alert('overdue', true), 'en', /^OVERDUE: Notice to clients/, 'reasons for the delay'],
  ])('%s', (_case, content, language, subject, fact) => {
    const sut = renderNoticeTemplate(content, language, { processorName: 'Doing Better B.V.', clientName: 'Doing Better B.V.' });
    expect(sut.subject).toMatch(subject);
    expect(sut.text).toContain(fact);
  });

  it('carries the later phases of a breach notice: deadline, follow-up changes, draft assessment and AP answers (Art. 33(3)–(4))', () => {
    const sut = renderNoticeTemplate(
      {
        ...breach,
        data: {
          ...(breach.data as object),
          followUp: true,
          changes: 'Geen wachtwoorden ingezien.',
          deadline: '2026-03-29T09:00:00Z',
          draftAssessment: { risk: 'risk', severityBand: 'medium', severityScore: 2, notifyAuthority: true, communicateDataSubjects: false, reasons: [{ reference: 'GDPR Art. 33(1)', text: 'Likely to result in a risk.' }] },
          authorityFormAnswers: [{ question: 'Oorzaak', answer: null }],
        },
      } as NoticeContent,
      'nl',
      context,
    );
    expect(sut.subject).toMatch(/^Aanvulling: Melding datalek/);
    for (const text of ['Wat is er veranderd (artikel 33 lid 4 AVG)', 'Geen wachtwoorden ingezien.', '29 maart 2026 11:00 (UTC+02:00)', 'Concept-risicobeoordeling', 'Likely to result in a risk. (GDPR Art. 33(1))', 'Oorzaak: (nog onbekend)']) {
      expect(sut.text).toContain(text);
    }
  });
});
