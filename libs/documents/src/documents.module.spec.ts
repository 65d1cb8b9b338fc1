import { Test } from '@nestjs/testing';
import { DocumentsModule } from './documents.module';
import { PdfRenderer } from './render/pdf-renderer';
import { sampleMeta } from '../test/sample-documents';

describe('DocumentsModule', () => {
  it('provides a PdfRenderer that renders a PDF', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DocumentsModule.forRoot({})] }).compile();
    const sut = moduleRef.get(PdfRenderer);

    const pdf = await sut.render(sampleMeta(), (writer) => writer.paragraph('Łódź'));

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
