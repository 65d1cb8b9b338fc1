import { Injectable } from '@nestjs/common';
import { PdfWriter } from '../layout/pdf-writer';
import { PdfMeta } from './pdf-meta';
import { renderPdf } from './render-pdf';

/** `renderPdf` as an injectable, so a lib's service can take it in its constructor and a test can replace it. */
@Injectable()
export class PdfRenderer {
  render(meta: PdfMeta, draw: (writer: PdfWriter) => void): Promise<Buffer> {
    return renderPdf(meta, draw);
  }
}
