import { SubprocessorChange, SubprocessorChangeClient } from './changes/subprocessor-change.entities';
import { Subprocessor, SubprocessorExclusion, SubprocessorVersion } from './register/subprocessor.entities';

export const SUBPROCESSORS_ENTITIES = [Subprocessor, SubprocessorVersion, SubprocessorExclusion, SubprocessorChange, SubprocessorChangeClient];
