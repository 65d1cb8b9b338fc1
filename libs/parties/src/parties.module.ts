import { Module } from '@nestjs/common';
import { ClientRepository } from './clients/client.repository';
import { ClientsController } from './clients/clients.controller';
import { ClientsService } from './clients/clients.service';
import { ConfigurableModuleClass } from './parties.module-definition';
import { ProcessorProfileController } from './processor/processor-profile.controller';
import { ProcessorProfileService } from './processor/processor-profile.service';

/**
 * The parties every workflow needs: the processor itself and its clients (the controllers), with tenancy
 * enforced in ClientRepository.
 */
@Module({
  controllers: [ClientsController, ProcessorProfileController],
  providers: [ClientRepository, ClientsService, ProcessorProfileService],
  exports: [ClientRepository, ClientsService, ProcessorProfileService],
})
export class PartiesModule extends ConfigurableModuleClass {}
