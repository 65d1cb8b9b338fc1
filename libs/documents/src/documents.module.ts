import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './documents.module-definition';
import { PdfRenderer } from './render/pdf-renderer';

/**
 * The shared PDF renderer for agreements, breach notices, access reports and registers. Rendering needs no Nest;
 * the module only lets a lib inject `PdfRenderer` (and replace it in a test).
 */
@Module({
  providers: [PdfRenderer],
  exports: [PdfRenderer],
})
export class DocumentsModule extends ConfigurableModuleClass {}
