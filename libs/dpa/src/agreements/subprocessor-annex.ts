import { EntityManager } from 'typeorm';

/**
 * One sub-processor as the agreement's annex lists it (Art. 28(2) and (4)) and the register of processing shows its
 * transfers (Art. 30(2)(c)): who, for which services, from which countries, under which transfer mechanism.
 */
export interface SubprocessorAnnexEntry {
  name: string;
  services: string[];
  /** ISO 3166-1 alpha-2 codes of the countries it processes in or can access data from. */
  countries: string[];
  /** E.g. `eea`, `adequacy`, `scc_2021_914_module_3`, `bcr`; null inside the EEA. */
  transferMechanism: string | null;
  /** The safeguard in words, for the register (e.g. "EU-US Data Privacy Framework, certified"). */
  safeguard?: string | null;
}

/**
 * Where the DPA lib gets the sub-processors that touch a client's data. The sub-processor register (issue 6,
 * `@verwerker/subprocessors`) does not exist yet: until it provides this token (from a global module, e.g.
 * `{ provide: SUBPROCESSOR_ANNEX_SOURCE, useExisting: SubprocessorRegister }`), the annex is empty. The DPA lib
 * injects it optionally, so the register lib depends on the DPA lib and never the other way round.
 *
 * The agreement takes a snapshot at sending: the annex of a sent version never changes with the register.
 */
export const SUBPROCESSOR_ANNEX_SOURCE = Symbol('SUBPROCESSOR_ANNEX_SOURCE');

export interface SubprocessorAnnexSource {
  /** The sub-processors that process the client's data for these services at this moment. */
  forClient(clientId: string, services: readonly string[], at: Date, manager?: EntityManager): Promise<SubprocessorAnnexEntry[]>;
}

/** The stand-in until the register exists: no sub-processors known. */
export const EMPTY_SUBPROCESSOR_ANNEX: SubprocessorAnnexSource = {
  forClient: async () => [],
};
