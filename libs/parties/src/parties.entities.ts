import { Client } from './clients/client.entity';
import { ProcessorProfile } from './processor/processor-profile.entity';

export const PARTIES_ENTITIES = [Client, ProcessorProfile];
