import { isKvkNumber } from './kvk-number';

export interface RegistrationFacts {
  country: string;
  kvkNumber: string | null;
}

export interface RegistrationProblem {
  field: 'kvkNumber';
  message: string;
}

/**
 * A Dutch client is identified by its KvK number (Handelsregisterwet art. 9); a client established elsewhere
 * has none, and must not be given a made-up one.
 */
export function registrationProblems(facts: RegistrationFacts): RegistrationProblem[] {
  if (facts.country === 'NL' && facts.kvkNumber === null) {
    return [{ field: 'kvkNumber', message: 'kvkNumber is required for a client established in the Netherlands (country NL)' }];
  }
  if (facts.kvkNumber !== null && !isKvkNumber(facts.kvkNumber)) {
    return [{ field: 'kvkNumber', message: 'kvkNumber must be exactly 8 digits' }];
  }
  return [];
}
