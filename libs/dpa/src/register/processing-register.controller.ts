import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { formatInstant, Role, Roles } from '@verwerker/platform';
import { RegisterQueryDto } from '../agreements/dto/agreement-requests.dto';
import { ProcessingRegisterService } from './processing-register.service';

@ApiTags('agreements')
@Controller('processing-register')
export class ProcessingRegisterController {
  constructor(private readonly register: ProcessingRegisterService) {}

  @Get()
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @ApiOperation({ summary: 'The processor’s record of processing (Art. 30(2)) as JSON: per client the categories of processing, third-country transfers, security measures.' })
  @ApiOkResponse({ description: 'The record.' })
  async json() {
    const register = await this.register.register();
    return { ...register, generatedAt: formatInstant(register.generatedAt) };
  }

  @Get('csv')
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="register-art-30-2.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The record of processing (Art. 30(2)) as CSV, one row per client.' })
  @ApiOkResponse({ description: 'RFC 4180 CSV.', schema: { type: 'string' } })
  csv(): Promise<string> {
    return this.register.csv();
  }

  @Get('pdf')
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The record of processing (Art. 30(2)) as PDF.' })
  @ApiOkResponse({ description: 'The PDF.', schema: { type: 'string', format: 'binary' } })
  async pdf(@Query() query: RegisterQueryDto): Promise<StreamableFile> {
    const pdf = await this.register.pdf(query.language ?? 'nl');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: 'attachment; filename="register-art-30-2.pdf"', length: pdf.length });
  }
}
