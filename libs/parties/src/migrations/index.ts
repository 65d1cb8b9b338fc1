import { CreateParties1764000100000 } from './1764000100000-create-parties';

export const PARTIES_MIGRATIONS = [CreateParties1764000100000];
