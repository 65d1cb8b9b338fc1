import { dirname } from 'node:path';
import { FONT_FACES, FontFace, fontBytes } from './font-files';

/** What pdfkit accepts as a font source: TTF bytes, or a font object fontkit has already parsed. */
export type PdfFontSource = Buffer | ParsedFont;

/** The part of a fontkit font we rely on; fontkit ships no types of its own. */
interface ParsedFont {
  layout: (...args: unknown[]) => unknown;
  /** fontkit's glyph cache, keyed by glyph id. Private to fontkit; see `fontsForNewDocument`. */
  _glyphs?: Record<number, unknown>;
}

interface Fontkit {
  create(bytes: Uint8Array): ParsedFont;
}

/**
 * The fontkit that pdfkit itself loads, not whichever one the project happens to hoist: pdfkit calls methods on the
 * font object we hand it, so it must be the version pdfkit was built against.
 */
function loadPdfkitsFontkit(): Fontkit {
  const pdfkitDirectory = dirname(require.resolve('pdfkit'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve('fontkit', { paths: [pdfkitDirectory] })) as Fontkit;
}

let parsedByFace: Map<FontFace, ParsedFont> | undefined;

function parsedFonts(): Map<FontFace, ParsedFont> {
  if (!parsedByFace) {
    const fontkit = loadPdfkitsFontkit();
    parsedByFace = new Map(FONT_FACES.map((face) => [face, fontkit.create(fontBytes(face))]));
  }
  return parsedByFace;
}

function hasGlyphCache(font: ParsedFont): font is ParsedFont & { _glyphs: Record<number, unknown> } {
  return typeof font._glyphs === 'object' && font._glyphs !== null;
}

/**
 * Font sources for one document. Parsing DejaVu for every document is most of the cost of a one-page letter
 * (measured ≈ 25 documents/s fresh against ≈ 155/s reused), so the parsed fonts are shared across documents.
 *
 * Sharing is only safe with one reset. fontkit caches each glyph object with the code points of the text that first
 * produced it, and pdfkit writes those code points into the ToUnicode map. A glyph reachable from two texts (the
 * "ffi" ligature from "office" and from a literal U+FB03 "ﬃ") would then carry whichever text an earlier document
 * used, so a document's bytes, and its hash, would depend on what the process rendered before. Emptying the glyph
 * cache per document makes every render start as a fresh parse would (the parsed tables stay shared). If a fontkit
 * upgrade renames that cache we fall back to the bytes and a parse per document: slower, never wrong.
 *
 * The caller must render the whole document synchronously after this call, so no two documents use the shared
 * fonts at once (`renderPdf` enforces that).
 */
export function fontsForNewDocument(): Record<FontFace, PdfFontSource> {
  const parsed = parsedFonts();
  const sources = {} as Record<FontFace, PdfFontSource>;
  for (const face of FONT_FACES) {
    const font = parsed.get(face)!;
    if (hasGlyphCache(font)) {
      font._glyphs = {};
      sources[face] = font;
    } else {
      sources[face] = fontBytes(face);
    }
  }
  return sources;
}
