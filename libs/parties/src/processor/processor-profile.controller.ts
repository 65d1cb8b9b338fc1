import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, formatInstant, Principal, ProblemDetailsDto, Role, Roles } from '@verwerker/platform';
import { ProcessorProfileDto, ProcessorProfileResponseDto } from './processor-profile.dto';
import { ProcessorProfile } from './processor-profile.entity';
import { ProcessorProfileService } from './processor-profile.service';

function toProcessorProfileResponse({ id: _id, updatedAt, ...profile }: ProcessorProfile): ProcessorProfileResponseDto {
  return { ...profile, updatedAt: formatInstant(updatedAt) };
}

@ApiTags('processor')
@Controller('processor-profile')
export class ProcessorProfileController {
  constructor(private readonly profiles: ProcessorProfileService) {}

  @Get()
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'The processor: identity, contact point, default agreement terms and security measures.' })
  @ApiOkResponse({ type: ProcessorProfileResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'Not set up yet.' })
  async get(): Promise<ProcessorProfileResponseDto> {
    return toProcessorProfileResponse(await this.profiles.get());
  }

  @Put()
  @Roles(Role.Admin, Role.Dpo)
  @ApiOperation({ summary: 'Set the processor profile (replaces it as a whole).' })
  @ApiOkResponse({ type: ProcessorProfileResponseDto })
  async put(@CurrentPrincipal() principal: Principal, @Body() dto: ProcessorProfileDto): Promise<ProcessorProfileResponseDto> {
    return toProcessorProfileResponse(await this.profiles.put(dto, principal));
  }
}
