import { CreateNotices1764000400000 } from './1764000400000-create-notices';

export const NOTICES_MIGRATIONS = [CreateNotices1764000400000];
