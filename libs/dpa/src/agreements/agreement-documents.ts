import { Injectable } from '@nestjs/common';
import { PdfRenderer, sha256Hex } from '@verwerker/documents';
import { agreementPdfMeta, AgreementDocumentModel, contentSha256, drawAgreement } from '../document/agreement-document';
import { AgreementVersion } from './agreement-version.entity';
import { Agreement } from './agreement.entity';

export interface RenderedAgreement {
  pdf: Buffer;
  documentSha256: string;
  contentSha256: string;
  filename: string;
}

/** Renders a version from what is stored with it, so the same version always gives the same bytes. */
@Injectable()
export class AgreementDocuments {
  constructor(private readonly renderer: PdfRenderer) {}

  modelOf(agreement: Agreement, version: AgreementVersion): AgreementDocumentModel {
    return {
      agreementId: agreement.id,
      title: agreement.title,
      number: version.number,
      draft: version.status === 'draft',
      terms: version.terms,
      parties: version.parties,
      subprocessors: version.subprocessors ?? [],
      fixedAt: version.sentAt ?? version.updatedAt,
      sentAt: version.sentAt,
      forceReason: version.forceReason,
    };
  }

  async render(agreement: Agreement, version: AgreementVersion): Promise<RenderedAgreement> {
    const model = this.modelOf(agreement, version);
    const hash = contentSha256(model);
    const pdf = await this.renderer.render(agreementPdfMeta(model, hash), drawAgreement(model, hash));
    const language = version.terms.language ?? 'nl';
    const filename = `${language === 'nl' ? 'verwerkersovereenkomst' : 'processing-agreement'}-v${version.number}${version.status === 'draft' ? '-concept' : ''}.pdf`;
    return { pdf, documentSha256: sha256Hex(pdf), contentSha256: hash, filename };
  }
}
