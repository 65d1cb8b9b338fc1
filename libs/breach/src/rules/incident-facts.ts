import { BreachFacts, DataCategory } from './assess-breach';

/** What happened to the data (the AP form's "what happened" question). */
export type BreachNature = 'read' | 'copied' | 'changed' | 'deleted' | 'stolen' | 'lost' | 'unavailable';
export const BREACH_NATURES: readonly BreachNature[] = ['read', 'copied', 'changed', 'deleted', 'stolen', 'lost', 'unavailable'];

/**
 * The facts staff record about an incident: the inputs of the risk assessment (ENISA/EDPB, see assess-breach.ts)
 * and the descriptive answers Art. 33(3) and the AP's form ask for. Unknown answers stay absent: the AP draft marks
 * them missing rather than guessing.
 */
export interface IncidentFacts {
  dataCategories: DataCategory[];
  /** The categories in words, as the notice names them ("e-mailadressen", "bestelgegevens"). */
  dataDescription?: string | null;
  dataSubjectCategories: string[];
  /** Approximate number of data subjects (Art. 33(3)(a)); the AP form asks for a range. */
  subjects: { min: number; max: number };
  approximateRecords?: number | null;
  identifiability: BreachFacts['identifiability'];
  confidentiality: BreachFacts['confidentiality'];
  integrity: BreachFacts['integrity'];
  availability: BreachFacts['availability'];
  outageHours?: number | null;
  backupAvailable?: boolean | null;
  maliciousIntent: boolean;
  unintelligible?: boolean | null;
  trustedRecipientDeleted?: boolean | null;
  vulnerableSubjects?: boolean | null;
  contextAdjustment?: { delta: number; reason: string } | null;
  nature?: BreachNature[];
  /** When the breach itself began, where known (the AP form's timeline). */
  startedAt?: string | null;
  discoveredHow?: string | null;
  cause?: string | null;
  likelyConsequences?: string | null;
  measuresTaken?: string | null;
  measuresProposed?: string | null;
  crossBorder?: boolean | null;
  /** Why data subjects are not informed, when they are not (the AP form asks). */
  dataSubjectsNotInformedReason?: string | null;
}

/** The assessment's input. The risk is judged on the upper end of the subject range: under-notifying is the error Art. 33 does not forgive. */
export function toBreachFacts(facts: IncidentFacts, ourRole: BreachFacts['ourRole']): BreachFacts {
  return {
    ourRole,
    dataCategories: facts.dataCategories,
    contextAdjustment: facts.contextAdjustment ?? undefined,
    subjectCount: facts.subjects.max,
    vulnerableSubjects: facts.vulnerableSubjects ?? undefined,
    identifiability: facts.identifiability,
    confidentiality: facts.confidentiality,
    integrity: facts.integrity,
    availability: facts.availability,
    outageHours: facts.outageHours ?? undefined,
    backupAvailable: facts.backupAvailable ?? undefined,
    maliciousIntent: facts.maliciousIntent,
    unintelligible: facts.unintelligible ?? undefined,
    trustedRecipientDeleted: facts.trustedRecipientDeleted ?? undefined,
  };
}
