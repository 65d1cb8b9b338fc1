import { formatInstant } from '@verwerker/platform';

/** What the public list shows of one sub-processor: the processor's own data, nothing about clients. */
export interface PublicEntry {
  id: string;
  legalName: string;
  services: string[];
  processingCountries: string[];
  accessCountries: string[];
  certifications: string[];
  transferStatus: string;
  transferMechanisms: string[];
  since: Date;
}

export interface PublicChange {
  id: string;
  kind: string;
  subprocessorName: string;
  replaces: string | null;
  status: string;
  announcedAt: Date;
  effectiveAt: Date;
  updatedAt: Date;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
const escapeXml = escapeHtml;

const WORDS = {
  nl: {
    title: (processor: string) => `Subverwerkers van ${processor}`,
    intro: 'Deze partijen verwerken persoonsgegevens in onze opdracht (artikel 28 lid 2 AVG). Wijzigingen kondigen wij vooraf aan; volg ze via de Atom-feed.',
    name: 'Subverwerker', services: 'Diensten', countries: 'Landen', certifications: 'Certificeringen', transfer: 'Doorgifte', since: 'Sinds', feed: 'Wijzigingen (Atom)',
    status: { eea: 'binnen de EER', adequacy: 'adequaatheidsbesluit', safeguards: 'passende waarborgen', derogation: 'uitzondering (art. 49)' } as Record<string, string>,
  },
  en: {
    title: (processor: string) => `Sub-processors of ${processor}`,
    intro: 'These parties process personal data on our behalf (Article 28(2) GDPR). We announce changes in advance; follow them through the Atom feed.',
    name: 'Sub-processor', services: 'Services', countries: 'Countries', certifications: 'Certifications', transfer: 'Transfer', since: 'Since', feed: 'Changes (Atom)',
    status: { eea: 'within the EEA', adequacy: 'adequacy decision', safeguards: 'appropriate safeguards', derogation: 'derogation (Art. 49)' } as Record<string, string>,
  },
} as const;

/** A plain, accessible HTML page; every value escaped (names come from staff input). */
export function publicRegisterHtml(processorName: string, entries: PublicEntry[], language: 'nl' | 'en', feedPath: string): string {
  const words = WORDS[language];
  const rows = entries
    .map(
      (entry) => `<tr><th scope="row">${escapeHtml(entry.legalName)}</th><td>${escapeHtml(entry.services.join(', '))}</td>` +
        `<td>${escapeHtml([...new Set([...entry.processingCountries, ...entry.accessCountries])].join(', '))}</td>` +
        `<td>${escapeHtml(entry.certifications.join(', ') || '—')}</td>` +
        `<td>${escapeHtml(words.status[entry.transferStatus] ?? entry.transferStatus)}${entry.transferMechanisms.length ? ` (${escapeHtml(entry.transferMechanisms.join(', '))})` : ''}</td>` +
        `<td><time datetime="${entry.since.toISOString()}">${escapeHtml(formatInstant(entry.since).slice(0, 10))}</time></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(words.title(processorName))}</title>
<link rel="alternate" type="application/atom+xml" href="${escapeHtml(feedPath)}" title="${escapeHtml(words.feed)}">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}thead th{background:#f3f5f8}</style>
</head>
<body>
<h1>${escapeHtml(words.title(processorName))}</h1>
<p>${escapeHtml(words.intro)} <a href="${escapeHtml(feedPath)}">${escapeHtml(words.feed)}</a></p>
<table>
<thead><tr><th scope="col">${words.name}</th><th scope="col">${words.services}</th><th scope="col">${words.countries}</th><th scope="col">${words.certifications}</th><th scope="col">${words.transfer}</th><th scope="col">${words.since}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

/** RFC 4287 Atom feed of register changes, newest first. */
export function changesAtomFeed(processorName: string, changes: PublicChange[], selfUrl: string, pageUrl: string): string {
  const updated = changes.reduce((latest, change) => (change.updatedAt > latest ? change.updatedAt : latest), new Date(0));
  const entries = changes
    .map((change) => {
      const title = `${change.kind}: ${change.subprocessorName}${change.replaces ? ` (replaces ${change.replaces})` : ''} — ${change.status}`;
      const summary = `${change.kind} of ${change.subprocessorName}${change.replaces ? `, replacing ${change.replaces}` : ''}, announced ${change.announcedAt.toISOString()}, takes effect ${change.effectiveAt.toISOString()}; status: ${change.status}.`;
      return `  <entry>
    <id>urn:uuid:${change.id}</id>
    <title>${escapeXml(title)}</title>
    <updated>${change.updatedAt.toISOString()}</updated>
    <published>${change.announcedAt.toISOString()}</published>
    <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>
    <summary>${escapeXml(summary)}</summary>
  </entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(selfUrl)}</id>
  <title>${escapeXml(`Sub-processor changes — ${processorName}`)}</title>
  <updated>${updated.toISOString()}</updated>
  <author><name>${escapeXml(processorName)}</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>
${entries}
</feed>
`;
}
