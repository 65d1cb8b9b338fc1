import { CreateDpa1764000500000 } from './1764000500000-create-dpa';

/** Migration classes for the host's TypeORM options. */
export const DPA_MIGRATIONS = [CreateDpa1764000500000];
