import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, placeholder } from '@verwerker/platform';
import { DataSource } from 'typeorm';
import { AUDIT_MODULE_OPTIONS, AuditModuleOptions } from '../audit.module-definition';
import { AuditStream, GENESIS_HASH } from '../chain/chain-hash';
import { AuditChainHead } from '../chain/chain-head.entity';
import { verifyCheckpointSignature } from '../checkpoints/checkpoint-signature';
import { CheckpointService } from '../checkpoints/checkpoint.service';
import { retentionCutoff } from '../retention/retention';
import { ChainRowReader } from './chain-row-reader';
import { ChainVerifier, VerificationFailure } from './chain-verifier';

export interface VerificationReport {
  stream: AuditStream;
  fromSeq: number;
  toSeq: number;
  entriesChecked: number;
  purgedEntries: number;
  checkpointsChecked: number;
  verified: boolean;
  firstFailure: VerificationFailure | null;
  durationMs: number;
}

const CHUNK = 20_000;

/**
 * Walks a range of a stream and reports the first entry that does not verify: content against its hash,
 * each link against the one before, every checkpoint's signature and head in the range, and, when the range
 * reaches the end, that nothing was cut off the tail (the head row and any later checkpoint agree).
 */
@Injectable()
export class AuditVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkpoints: CheckpointService,
    private readonly clock: Clock,
    @Inject(AUDIT_MODULE_OPTIONS) private readonly options: AuditModuleOptions,
  ) {
    this.reader = new ChainRowReader(dataSource);
  }

  private readonly reader: ChainRowReader;

  async verify(stream: AuditStream, range: { fromSeq?: number; toSeq?: number } = {}): Promise<VerificationReport> {
    const started = performance.now();
    const head = await this.dataSource.getRepository(AuditChainHead).findOneByOrFail({ stream });
    const fromSeq = Math.max(1, range.fromSeq ?? 1);
    const toSeq = Math.min(range.toSeq ?? head.size, head.size);
    const months = stream === 'access' ? this.options.retention.accessMonths : this.options.retention.changeMonths;
    const verifier = new ChainVerifier(fromSeq - 1, await this.hashAt(stream, fromSeq - 1), retentionCutoff(this.clock.now(), months).toISOString());
    const checkpoints = await this.checkpoints.inRange(stream, fromSeq, toSeq);
    const hashesAtCheckpoints = new Map<number, string>(checkpoints.map((checkpoint) => [checkpoint.size, '']));
    let entriesChecked = 0;
    let purgedEntries = 0;
    let failure: VerificationFailure | null = null;

    // The next chunk is fetched while this one is hashed: the database and Node work side by side.
    const chunkEnd = (after: number) => Math.min(after + CHUNK, toSeq);
    const fetchAfter = (after: number) => (after < toSeq ? this.reader.readRows(stream, after, chunkEnd(after)) : Promise.resolve([]));
    let chunkAfter = fromSeq - 1;
    let pending = fetchAfter(chunkAfter);
    while (!failure && chunkAfter < toSeq) {
      const rows = await pending;
      chunkAfter = chunkEnd(chunkAfter);
      pending = fetchAfter(chunkAfter);
      for (const link of this.reader.links(stream, rows)) {
        failure = verifier.accept(link);
        if (failure) break;
        entriesChecked += 1;
        if (link.purgedAt) purgedEntries += 1;
        if (hashesAtCheckpoints.has(link.seq)) hashesAtCheckpoints.set(link.seq, link.entryHash);
      }
    }
    await pending.catch(() => undefined);
    if (!failure && verifier.lastSeq < toSeq) {
      failure = { seq: verifier.lastSeq + 1, entryId: null, reason: `entries ${verifier.lastSeq + 1} to ${toSeq} are missing (deleted?)` };
    }
    if (!failure) failure = this.checkCheckpoints(stream, checkpoints, hashesAtCheckpoints);
    if (!failure && toSeq === head.size) failure = await this.checkTail(stream, head, verifier);

    return {
      stream,
      fromSeq,
      toSeq,
      entriesChecked,
      purgedEntries,
      checkpointsChecked: checkpoints.length,
      verified: failure === null,
      firstFailure: failure,
      durationMs: Math.round(performance.now() - started),
    };
  }

  private checkCheckpoints(
    stream: AuditStream,
    checkpoints: Awaited<ReturnType<CheckpointService['inRange']>>,
    hashes: Map<number, string>,
  ): VerificationFailure | null {
    for (const checkpoint of checkpoints) {
      const statement = { stream, size: checkpoint.size, headHash: checkpoint.headHash, createdAt: checkpoint.createdAt };
      if (checkpoint.keyId !== this.checkpoints.signingKey.keyId || !verifyCheckpointSignature(statement, checkpoint.signature, this.checkpoints.signingKey.publicKey)) {
        return { seq: checkpoint.size, entryId: null, reason: `checkpoint at ${checkpoint.size} has no valid signature of key ${this.checkpoints.signingKey.keyId}` };
      }
      if (hashes.get(checkpoint.size) !== checkpoint.headHash) {
        return { seq: checkpoint.size, entryId: null, reason: `entry ${checkpoint.size} does not match the signed checkpoint (the log was rewritten)` };
      }
    }
    return null;
  }

  private async checkTail(stream: AuditStream, head: AuditChainHead, verifier: ChainVerifier): Promise<VerificationFailure | null> {
    if (verifier.lastSeq !== head.size || (head.size > 0 && verifier.lastHash !== head.headHash)) {
      return { seq: verifier.lastSeq, entryId: null, reason: `the chain ends at ${verifier.lastSeq} but its head says ${head.size}` };
    }
    const later = await this.checkpoints.beyond(stream, head.size);
    if (later.length) return { seq: head.size + 1, entryId: null, reason: `a signed checkpoint covers ${later[0].size} entries, the log has ${head.size} (entries were cut off)` };
    return null;
  }

  private async hashAt(stream: AuditStream, seq: number): Promise<string> {
    if (seq === 0) return GENESIS_HASH;
    const table = stream === 'access' ? 'access_log_entry' : 'change_trail_entry';
    const rows: { entry_hash: string }[] = await this.dataSource.query(`SELECT entry_hash FROM ${table} WHERE seq = ${this.placeholder(1)}`, [seq]);
    if (!rows[0]) throw new Error(`Entry ${seq} of ${stream} does not exist`);
    return rows[0].entry_hash;
  }

  private placeholder(index: number): string {
    return placeholder(this.dataSource, index);
  }
}
