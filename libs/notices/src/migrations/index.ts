import { CreateNotices1764000400000 } from './1764000400000-create-notices';
import { AllowInternalNotices1764000700000 } from './1764000700000-allow-internal-notices';

export const NOTICES_MIGRATIONS = [CreateNotices1764000400000, AllowInternalNotices1764000700000];
