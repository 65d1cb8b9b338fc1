import { renderPdf, sha256Hex } from '@verwerker/documents';
import { agreementPdfMeta, AgreementDocumentModel, contentSha256, drawAgreement } from './agreement-document';

const model = (overrides: Partial<AgreementDocumentModel> = {}): AgreementDocumentModel => ({
  agreementId: 'a1',
  title: 'Verwerkersovereenkomst hosting',
  number: 1,
  draft: false,
  terms: { language: 'nl', breachNoticeHours: 24, subprocessorAuthorisation: 'general', objectionPeriodDays: 30 },
  parties: {
    processor: { legalName: 'Doing Better B.V.', kvkNumber: '28098765', streetAddress: 'Stationsweg 12', postalCode: '2312 AV', city: 'Leiden', country: 'NL', contactName: 'Privacyteam', contactEmail: 'p@x.example', contactPhone: null, dpoName: null, dpoEmail: null },
    client: { legalName: 'Pracownia Łódź', kvkNumber: null, country: 'PL', privacyContactName: 'Zofia', privacyContactEmail: 'z@x.example' },
  },
  subprocessors: [],
  fixedAt: new Date('2026-03-02T09:00:00Z'),
  sentAt: new Date('2026-03-02T09:00:00Z'),
  forceReason: null,
  ...overrides,
});

describe('contentSha256 (the footer hash)', () => {
  it('does not depend on the order of the terms’ keys', () => {
    const reordered = model({ terms: { objectionPeriodDays: 30, subprocessorAuthorisation: 'general', breachNoticeHours: 24, language: 'nl' } });
    expect(contentSha256(reordered)).toBe(contentSha256(model()));
  });

  it.each<[string, Partial<AgreementDocumentModel>]>([
    ['a term', { terms: { language: 'nl', breachNoticeHours: 36, subprocessorAuthorisation: 'general', objectionPeriodDays: 30 } }],
    ['the version number', { number: 2 }],
    ['a party', { parties: { ...model().parties, client: { ...model().parties.client, legalName: 'Pracownia Lodz' } } }],
    ['the sub-processor annex', { subprocessors: [{ name: 'TransIP B.V.', services: ['hosting'], countries: ['NL'], transferMechanism: null }] }],
  ])('changes with %s', (_case, change) => {
    expect(contentSha256(model(change))).not.toBe(contentSha256(model()));
  });
});

describe('drawAgreement', () => {
  it('renders the same model to the same bytes', async () => {
    const render = () => renderPdf(agreementPdfMeta(model(), contentSha256(model())), drawAgreement(model(), contentSha256(model())));
    expect(sha256Hex(await render())).toBe(sha256Hex(await render()));
  });
});
