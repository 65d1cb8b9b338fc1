import { readFileSync } from 'node:fs';

/** The faces documents use. DejaVu covers Łódź, Č, ő, ≤, → and ✓, which the built-in Helvetica does not. */
export type FontFace = 'regular' | 'bold' | 'mono';

export const FONT_FACES: readonly FontFace[] = ['regular', 'bold', 'mono'];

const FILE_NAMES: Record<FontFace, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
};

const bytesByFace = new Map<FontFace, Buffer>();

/**
 * Resolved through Node's module resolution rather than a path relative to this file, so the same code finds the
 * font from `dist/` and from ts-jest, and every machine embeds the exact bytes pinned in package-lock.json.
 */
export function fontFilePath(face: FontFace): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${FILE_NAMES[face]}`);
}

/** The TTF bytes, read once per process: they never change while it runs. */
export function fontBytes(face: FontFace): Buffer {
  let bytes = bytesByFace.get(face);
  if (!bytes) {
    bytes = readFileSync(fontFilePath(face));
    bytesByFace.set(face, bytes);
  }
  return bytes;
}
