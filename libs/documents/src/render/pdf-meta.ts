export type DocumentLanguage = 'nl' | 'en';

/** What identifies a rendered document. Every field ends up in the bytes, so the same meta gives the same hash. */
export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  language: DocumentLanguage;
  /**
   * Written as the PDF's creation and modification date. Pass the time the content was fixed (an agreement
   * version's creation time), never "now": re-rendering must reproduce the stored hash.
   */
  createdAt: Date;
  /** Left side of every page's footer, e.g. a document reference or hash. */
  footer?: string;
  keywords?: string;
}
