import { PdfMeta } from './pdf-meta';
import { renderPdf } from './render-pdf';
import { sha256Hex } from '../hash/sha256';
import { pdfPageTexts as pagesOf } from '../../test/pdf-text';
import { drawBreachLetter, drawLongRegister, sampleMeta } from '../../test/sample-documents';

/** renderPdf from a fresh module registry: its own pdfkit, fontkit and font caches, as in a new process. */
function renderPdfOfFreshInstance(): typeof renderPdf {
  let fresh: typeof renderPdf | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    fresh = (require('./render-pdf') as typeof import('./render-pdf')).renderPdf;
  });
  return fresh!;
}

describe('renderPdf', () => {
  describe('text', () => {
    it('embeds a font that renders Polish, Czech, Hungarian and symbols', async () => {
      const [page] = await pagesOf(await renderPdf(sampleMeta(), drawBreachLetter('nl')));

      for (const text of ['Łódź', '≤ 72 h', '→', '✓', 'Čapek', 'Erdős', 'Melding van een inbreuk']) {
        expect(page).toContain(text);
      }
    });

    it('shows times in Amsterdam with the offset', async () => {
      const [page] = await pagesOf(await renderPdf(sampleMeta(), drawBreachLetter('nl')));

      expect(page).toContain('22 november 2026 03:15 (UTC+01:00)');
    });

    it('puts the footer text and a Dutch page label on a Dutch document', async () => {
      const [page] = await pagesOf(await renderPdf(sampleMeta(), drawBreachLetter('nl')));

      expect(page).toContain('INC-2026-0042');
      expect(page).toContain('Pagina 1 van 1');
    });

    it('labels every page of an English document with "Page X of Y"', async () => {
      const pages = await pagesOf(await renderPdf(sampleMeta({ language: 'en' }), drawLongRegister(90)));

      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
    });

    it('breaks a table across pages, repeating the header and losing no row', async () => {
      const pages = await pagesOf(await renderPdf(sampleMeta({ language: 'en' }), drawLongRegister(90)));

      for (const page of pages) expect(page).toContain('Sub-processor');
      const all = pages.join('\n');
      for (const number of ['001', '045', '090']) expect(all).toContain(`Row ${number} Hosting Łódź`);
      const lastRowOnFirstPage = pages[0].match(/Row (\d{3})/g)!.pop()!;
      const firstRowOnSecondPage = pages[1].match(/Row (\d{3})/)![0];
      expect(Number(firstRowOnSecondPage.slice(4))).toBe(Number(lastRowOnFirstPage.slice(4)) + 1);
    });
  });

  describe('determinism', () => {
    it('gives the same bytes and hash for the same input', async () => {
      const first = await renderPdf(sampleMeta(), drawBreachLetter('nl'));
      const second = await renderPdf(sampleMeta(), drawBreachLetter('nl'));

      expect(second.equals(first)).toBe(true);
      expect(sha256Hex(second)).toBe(sha256Hex(first));
    });

    it('gives the same bytes from a fresh module instance (the stand-in for another process)', async () => {
      const here = await renderPdf(sampleMeta(), drawBreachLetter('en'));
      const fresh = await renderPdfOfFreshInstance()(sampleMeta(), drawBreachLetter('en'));

      expect(sha256Hex(fresh)).toBe(sha256Hex(here));
    });

    it('does not let an earlier document change a later one (shared fonts)', async () => {
      // "office" shapes to the ffi-ligature glyph, which a literal U+FB03 also maps to; a shared glyph cache would
      // carry the earlier document's code points into this document's text map.
      const office = (writer: Parameters<Parameters<typeof renderPdf>[1]>[0]) => writer.paragraph('The office of the processor');
      const expected = await renderPdfOfFreshInstance()(sampleMeta(), office);

      await renderPdf(sampleMeta(), (writer) => writer.paragraph('ﬃ ﬁ ﬂ'));
      const actual = await renderPdf(sampleMeta(), office);

      expect(sha256Hex(actual)).toBe(sha256Hex(expected));
    });

    it.each<[string, Partial<PdfMeta>]>([
      ['createdAt', { createdAt: new Date('2026-11-22T02:15:01.000Z') }],
      ['footer', { footer: 'INC-2026-0043' }],
      ['title', { title: 'Another title' }],
    ])('gives different bytes for a different %s', async (_field, change) => {
      const base = await renderPdf(sampleMeta(), drawBreachLetter('nl'));
      const changed = await renderPdf(sampleMeta(change), drawBreachLetter('nl'));

      expect(sha256Hex(changed)).not.toBe(sha256Hex(base));
    });
  });

  describe('metadata', () => {
    it('writes the caller’s creation date and fixed producer, never the clock', async () => {
      const pdf = (await renderPdf(sampleMeta(), drawBreachLetter('nl'))).toString('latin1');

      // pdfkit writes each info value as its own object: "/CreationDate 15 0 R" … "15 0 obj (D:…) endobj".
      const infoValue = (key: string) => {
        const reference = new RegExp(`/${key} (\\d+) 0 R`).exec(pdf)![1];
        return new RegExp(`\\n${reference} 0 obj\\n(.*)\\nendobj`).exec(pdf)![1];
      };
      expect(infoValue('CreationDate')).toBe('(D:20261122021500Z)');
      expect(infoValue('ModDate')).toBe('(D:20261122021500Z)');
      expect(infoValue('Producer')).toBe('(verwerker documents)');
      expect(pdf).toContain('/Lang (nl-NL)');
      expect(pdf).not.toContain('Helvetica');
    });
  });

  describe('misuse', () => {
    it('refuses an asynchronous drawing, which would share fonts with the next document', async () => {
      await expect(renderPdf(sampleMeta(), (async () => undefined) as never)).rejects.toThrow(/synchronous/);
    });

    it('refuses an invalid creation date', async () => {
      await expect(renderPdf(sampleMeta({ createdAt: new Date('nonsense') }), () => undefined)).rejects.toThrow(RangeError);
    });
  });
});
