import { CreateBreach1764000710000 } from './1764000710000-create-breach';

export const BREACH_MIGRATION_CLASSES = [CreateBreach1764000710000];
