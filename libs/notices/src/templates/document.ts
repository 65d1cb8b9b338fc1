/**
 * A notice as structure, not markup: templates build blocks of plain text, and only `renderText` and
 * `renderHtml` turn them into a body. Every piece of text is escaped on the way into HTML, so no value from
 * a client, a breach report or a sub-processor name can inject markup — there is no place to concatenate it.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: Array<[label: string, value: string]> }
  | { kind: 'list'; items: string[] };

export interface NoticeDocument {
  subject: string;
  blocks: Block[];
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** Header lines must not carry a line break: a subject with CR/LF could add headers to the e-mail. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

export function renderText(document: NoticeDocument): string {
  const parts = document.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `${block.text}\n${'='.repeat(Math.min(block.text.length, 72))}`;
      case 'paragraph':
        return block.text;
      case 'facts':
        return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
      case 'list':
        return block.items.map((item) => `- ${item}`).join('\n');
    }
  });
  return `${parts.join('\n\n')}\n`;
}

export function renderHtml(document: NoticeDocument, language: string): string {
  const body = document.blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<h1>${escapeHtml(block.text)}</h1>`;
        case 'paragraph':
          return `<p>${escapeHtml(block.text).replace(/\n/g, '<br>')}</p>`;
        case 'facts':
          return `<table>${block.rows.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
        case 'list':
          return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
      }
    })
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(singleLine(document.subject))}</title></head><body>\n${body}\n</body></html>\n`;
}

export function renderNotice(document: NoticeDocument, language: string): RenderedNotice {
  return { subject: singleLine(document.subject), text: renderText(document), html: renderHtml(document, language) };
}
