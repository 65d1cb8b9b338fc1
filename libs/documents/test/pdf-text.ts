import { execFile } from 'node:child_process';

/**
 * Runs pdf-parse 2 (a devDependency: only specs read PDFs back) in a plain Node process. Inside jest it cannot run:
 * pdf.js loads its parser with a dynamic import(), which jest's module sandbox refuses without
 * --experimental-vm-modules. A child process uses the package exactly as its README shows, at ≈ 0.3 s a call.
 */
const EXTRACT_PAGES = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(JSON.stringify(result.pages.map((page) => page.text)));
  } finally {
    await parser.destroy();
  }
});`;

/** The text of each page, in page order. */
export function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', EXTRACT_PAGES], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pdf-parse failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as string[]);
    });
    child.stdin!.end(Buffer.from(pdf));
  });
}
