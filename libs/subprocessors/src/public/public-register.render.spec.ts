import { changesAtomFeed, publicRegisterHtml, PublicEntry } from './public-register.render';

const entry = (overrides: Partial<PublicEntry> = {}): PublicEntry => ({
  id: 'e1',
  legalName: 'TransIP B.V.',
  services: ['hosting'],
  processingCountries: ['NL'],
  accessCountries: [],
  certifications: ['ISO 27001', 'NEN 7510'],
  transferStatus: 'eea',
  transferMechanisms: [],
  since: new Date('2026-01-01T00:00:00Z'),
  ...overrides,
});

describe('publicRegisterHtml', () => {
  it('lists each sub-processor with its transfer status in the chosen language', () => {
    const nl = publicRegisterHtml('Doing Better B.V.', [entry(), entry({ legalName: 'Google Ireland Ltd', processingCountries: ['IE', 'US'], transferStatus: 'adequacy', transferMechanisms: ['dpf'] })], 'nl', '/feed');
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('Subverwerkers van Doing Better B.V.');
    expect(nl).toContain('binnen de EER');
    expect(nl).toContain('adequaatheidsbesluit (dpf)');
    expect(publicRegisterHtml('X', [entry()], 'en', '/feed')).toContain('within the EEA');
  });

  it('escapes names so staff input cannot inject markup', () => {
    const html = publicRegisterHtml('A&B <Hosting>', [entry({ legalName: '<script>alert(1)</script>' })], 'en', '/feed');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A&amp;B &lt;Hosting&gt;');
  });
});

describe('changesAtomFeed', () => {
  it('is an Atom feed with one entry per change, escaped', () => {
    const feed = changesAtomFeed('Doing Better', [
      { id: '7d8c0d0e-0000-4000-8000-000000000001', kind: 'addition', subprocessorName: 'Acme & Co', replaces: null, status: 'announced', announcedAt: new Date('2026-11-01T00:00:00Z'), effectiveAt: new Date('2026-12-01T00:00:00Z'), updatedAt: new Date('2026-11-01T00:00:00Z') },
    ], 'https://example.test/public/subprocessor-changes.atom', 'https://example.test/public/subprocessors.html');
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(feed).toContain('<id>urn:uuid:7d8c0d0e-0000-4000-8000-000000000001</id>');
    expect(feed).toContain('addition: Acme &amp; Co — announced');
    expect(feed).toContain('<updated>2026-11-01T00:00:00.000Z</updated>');
  });
});
