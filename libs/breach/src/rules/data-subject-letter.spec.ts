import { dataSubjectLetter, DataSubjectLetterInput } from './data-subject-letter';

const input: DataSubjectLetterInput = {
  organisation: 'Doing Better B.V.',
  reference: 'INC-1',
  title: 'Newsletter list exposed',
  description: 'A list of newsletter subscribers was reachable without a password.',
  awareAt: new Date('2026-03-28T09:00:00Z'),
  facts: { dataCategories: ['contact'], dataDescription: 'naam en e-mailadres', dataSubjectCategories: [], subjects: { min: 1, max: 2 }, identifiability: 'maximum', confidentiality: 'unknown_recipients', integrity: 'none', availability: 'none', maliciousIntent: false, likelyConsequences: 'Phishing-mails.', measuresTaken: 'De lijst is offline gehaald.' },
  contact: { name: 'S. de Jong', email: 'fg@example.nl', phone: null },
};

describe('dataSubjectLetter: Art. 34(2) in clear and plain language', () => {
  it.each<['nl' | 'en', RegExp[]]>([
    ['nl', [/naam en e-mailadres/, /Phishing-mails/, /offline gehaald/, /fg@example\.nl/, /Wat u zelf kunt doen/]],
    ['en', [/naam en e-mailadres/, /Phishing-mails/, /offline gehaald/, /fg@example\.nl/, /What you can do/]],
  ])('%s: nature, contact point, consequences and measures (Art. 34(2) with 33(3)(b)–(d))', (language, patterns) => {
    const letter = dataSubjectLetter(input, language);
    for (const pattern of patterns) expect(letter.paragraphs.join('\n')).toMatch(pattern);
    expect(letter.missing).toEqual([]);
  });

  it('marks the answers still missing and leaves a visible placeholder', () => {
    const letter = dataSubjectLetter({ ...input, facts: null }, 'nl');
    expect(letter.missing).toEqual(['dataDescription', 'likelyConsequences', 'measuresTaken']);
    expect(letter.paragraphs.join('\n')).toContain('[mogelijke gevolgen]');
  });
});
