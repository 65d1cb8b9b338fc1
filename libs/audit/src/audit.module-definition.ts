import { availableParallelism } from 'node:os';
import { ConfigurableModuleBuilder } from '@nestjs/common';
import { WorkingHours } from './access/rules/access-flags';

export interface AuditModuleOptions {
  /** Ed25519 private key (PKCS#8 PEM) that signs checkpoints. */
  signingKeyPem: string;
  /** Calendar months after which an entry's personal content is purged (the hashes stay). */
  retention: { accessMonths: number; changeMonths: number };
  /** How often a checkpoint is signed for each stream that grew; 0 turns the timer off. */
  checkpointIntervalSeconds: number;
  /** How often the retention purge runs; 0 turns the timer off. */
  purgeIntervalHours: number;
  /** Access outside these hours is flagged for the DPO. */
  workingHours: WorkingHours;
  /** How far in the future a reported access may start (clock skew of the control panel). */
  futureToleranceSeconds: number;
  /** How long runs of the access stream are verified; defaults in DEFAULT_VERIFICATION. */
  verification?: Partial<VerificationOptions>;
}

export interface VerificationOptions {
  /** Worker threads for a long run; below 2 everything is verified on the calling thread. */
  workers: number;
  /** Runs shorter than this many entries are verified on the calling thread (starting workers costs more). */
  parallelFrom: number;
  /** Entries per slice: big enough to amortise a query, small enough to stay in V8's young generation. */
  sliceSize: number;
}

export const DEFAULT_VERIFICATION: VerificationOptions = {
  workers: Math.min(availableParallelism(), 8),
  parallelFrom: 100_000,
  sliceSize: 10_000,
};

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: AUDIT_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<AuditModuleOptions>()
    .setClassMethodName('forRoot')
    // Global by default: it provides the ChangeRecorder every other lib writes its change trail through.
    .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
    .build();
