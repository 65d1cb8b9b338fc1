import { ConfigurableModuleBuilder } from '@nestjs/common';

export interface BreachModuleOptions {
  /** Reminder points as fractions of the time between awareness and each deadline, e.g. [0.5, 0.75, 0.9]. */
  reminderFractions: number[];
  /** How often the reminder job runs; 0 turns the timer off (run it with `POST /incidents/reminders/run`). */
  reminderIntervalSeconds: number;
  /** A deadline is `due_soon` when at most this many hours remain. */
  dueSoonHours: number;
  /** Whether the processor is a NIS2 entity; null follows the processor profile's `nis2Entity`. */
  nis2Entity: boolean | null;
  /** Language of internal alerts to the incident handler and the DPO. */
  staffLanguage: 'nl' | 'en';
  /**
   * Up to this many clients per notice round each get a PDF addressed to them by name; above it, clients that share
   * a language and agreement hours share one rendered letter (pdfkit renders about 45 documents a second per core,
   * so 10,000 personal letters would hold the decision up for minutes). The e-mail is always personal.
   */
  personalisedPdfLimit: number;
}

export const DEFAULT_BREACH_OPTIONS: BreachModuleOptions = {
  reminderFractions: [0.5, 0.75, 0.9],
  reminderIntervalSeconds: 300,
  dueSoonHours: 6,
  nis2Entity: null,
  staffLanguage: 'nl',
  personalisedPdfLimit: 200,
};

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: BREACH_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<Partial<BreachModuleOptions>>().setClassMethodName('forRoot').build();

/** The options as given, completed with the defaults (a host may pass only what it changes). */
export const RESOLVED_BREACH_OPTIONS = Symbol('RESOLVED_BREACH_OPTIONS');
