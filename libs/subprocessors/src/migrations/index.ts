import { CreateSubprocessorRegister1764000600000 } from './1764000600000-create-subprocessor-register';

export const SUBPROCESSORS_MIGRATIONS = [CreateSubprocessorRegister1764000600000];
