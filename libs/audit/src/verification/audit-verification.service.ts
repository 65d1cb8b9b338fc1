import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@verwerker/platform';
import { DataSource } from 'typeorm';
import { AUDIT_MODULE_OPTIONS, AuditModuleOptions, DEFAULT_VERIFICATION } from '../audit.module-definition';
import { AuditStream, GENESIS_HASH } from '../chain/chain-hash';
import { AccessLogEntry } from '../access/access-entry.entity';
import { AuditChainHead } from '../chain/chain-head.entity';
import { ChangeTrailEntry } from '../changes/change-trail-entry.entity';
import { verifyCheckpointSignature } from '../checkpoints/checkpoint-signature';
import { CheckpointService } from '../checkpoints/checkpoint.service';
import { retentionCutoff } from '../retention/retention';
import { ChainRowReader } from './chain-row-reader';
import { ChainChunkWorkers } from './chain-chunk-workers';
import { ChainChunkRequest, ChainChunkResult, VerificationFailure, verifyChainChunk } from './chain-verifier';

export interface VerificationReport {
  stream: AuditStream;
  fromSeq: number;
  toSeq: number;
  entriesChecked: number;
  purgedEntries: number;
  checkpointsChecked: number;
  /** Worker threads that walked the run; 0 when it was walked on the calling thread. */
  workerThreads: number;
  verified: boolean;
  firstFailure: VerificationFailure | null;
  durationMs: number;
}

/**
 * Walks a range of a stream and reports the first entry that does not verify: content against its hash,
 * each link against the one before, every checkpoint's signature and head in the range, and, when the range
 * reaches the end, that nothing was cut off the tail (the head row and any later checkpoint agree).
 *
 * The range is checked in slices (verifyChainChunk). A long run of the access stream is spread over worker
 * threads; the change trail, thousands of entries rather than millions, and short runs are checked here.
 */
@Injectable()
export class AuditVerificationService {
  private readonly logger = new Logger(AuditVerificationService.name);
  private readonly reader: ChainRowReader;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkpoints: CheckpointService,
    private readonly clock: Clock,
    @Inject(AUDIT_MODULE_OPTIONS) private readonly options: AuditModuleOptions,
  ) {
    this.reader = new ChainRowReader(dataSource);
  }

  async verify(stream: AuditStream, range: { fromSeq?: number; toSeq?: number } = {}): Promise<VerificationReport> {
    const started = performance.now();
    const head = await this.dataSource.getRepository(AuditChainHead).findOneByOrFail({ stream });
    const fromSeq = Math.max(1, range.fromSeq ?? 1);
    const toSeq = Math.min(range.toSeq ?? head.size, head.size);
    const months = stream === 'access' ? this.options.retention.accessMonths : this.options.retention.changeMonths;
    const purgeableBefore = retentionCutoff(this.clock.now(), months).toISOString();
    const checkpoints = await this.checkpoints.inRange(stream, fromSeq, toSeq);
    const { workers, parallelFrom, sliceSize } = { ...DEFAULT_VERIFICATION, ...this.options.verification };
    const requests: ChainChunkRequest[] = [];
    for (let after = fromSeq - 1; after < toSeq; after += sliceSize) {
      requests.push({ afterSeq: after, toSeq: Math.min(after + sliceSize, toSeq), purgeableBefore, checkpointSeqs: [] });
    }
    for (const { size } of checkpoints) requests[Math.floor((size - fromSeq) / sliceSize)].checkpointSeqs.push(size);

    let tally = new SliceTally(fromSeq - 1);
    let workerThreads = 0;
    const pool = stream === 'access' && workers >= 2 && toSeq - fromSeq + 1 >= parallelFrom ? this.startWorkers(workers) : null;
    if (pool) {
      try {
        await this.verifyOnWorkers(stream, requests, pool, tally);
        workerThreads = pool.size;
      } catch (error) {
        // A worker that cannot start or load must not make the log unverifiable: check it here instead.
        this.logger.warn(`verification workers failed, verifying on the main thread: ${error instanceof Error ? error.message : String(error)}`);
        tally = new SliceTally(fromSeq - 1);
        await this.verifyHere(stream, requests, tally);
      } finally {
        await pool.stop();
      }
    } else {
      await this.verifyHere(stream, requests, tally);
    }

    let failure = tally.failure && { ...tally.failure, entryId: tally.failure.entryId ?? (await this.entryIdAt(stream, tally.failure.seq)) };
    if (!failure) failure = this.checkCheckpoints(stream, checkpoints, tally.checkpointHashes);
    if (!failure && toSeq === head.size) failure = await this.checkTail(stream, head, tally);

    return {
      stream,
      fromSeq,
      toSeq,
      entriesChecked: tally.entriesChecked,
      purgedEntries: tally.purgedEntries,
      checkpointsChecked: checkpoints.length,
      workerThreads,
      verified: failure === null,
      firstFailure: failure,
      durationMs: Math.round(performance.now() - started),
    };
  }

  /** On this thread, slice after slice; the next slice is read while this one is hashed. */
  private async verifyHere(stream: AuditStream, requests: ChainChunkRequest[], tally: SliceTally): Promise<void> {
    let pending = requests.length ? this.reader.read(stream, requests[0].afterSeq, requests[0].toSeq) : null;
    for (let index = 0; index < requests.length; index += 1) {
      const stored = await pending!;
      const next = requests[index + 1];
      pending = next ? this.reader.read(stream, next.afterSeq, next.toSeq) : null;
      if (!tally.add(verifyChainChunk(requests[index], this.reader.links(stream, stored), GENESIS_HASH))) break;
    }
    await pending?.catch(() => undefined);
  }

  /**
   * Slices go to the workers a few at a time and are tallied in order. On PostgreSQL this thread reads each
   * slice as COPY text and hands its bytes over (transferred, not copied); on SQLite each worker reads its
   * slices from the file itself.
   */
  private async verifyOnWorkers(stream: AuditStream, requests: ChainChunkRequest[], workers: ChainChunkWorkers, tally: SliceTally): Promise<void> {
    const sql = this.reader.selectSql(stream);
    const sqliteFile = this.reader.sqliteFile();
    const run = async (request: ChainChunkRequest): Promise<ChainChunkResult> => {
      if (sqliteFile) return workers.run({ request, source: { sqliteFile, sql } });
      const text = await this.reader.copyText(stream, request.afterSeq, request.toSeq);
      const bytes = new Uint8Array(text.buffer, text.byteOffset, text.byteLength);
      // A slice of Node's shared buffer pool (a tiny slice) cannot be transferred; it is copied instead.
      const owned = text.byteOffset === 0 && text.byteLength === text.buffer.byteLength;
      return workers.run({ request, source: { copyText: bytes } }, owned ? [text.buffer as ArrayBuffer] : []);
    };
    // Enough slices under way that a worker never waits for PostgreSQL to produce the next.
    const window = workers.size * 2;
    const results: Promise<ChainChunkResult>[] = [];
    for (let index = 0; index < requests.length; index += 1) {
      for (let ahead = results.length; ahead < Math.min(requests.length, index + window); ahead += 1) {
        results.push(run(requests[ahead]));
        results[ahead].catch(() => undefined);
      }
      if (!tally.add(await results[index])) break;
    }
    await Promise.allSettled(results);
  }

  /** The id of the entry stored at a position, or null where none is (a deleted entry). */
  private async entryIdAt(stream: AuditStream, seq: number): Promise<string | null> {
    const entity = stream === 'access' ? AccessLogEntry : ChangeTrailEntry;
    const entry = await this.dataSource.getRepository<{ id: string; seq: number }>(entity).findOne({ select: { id: true }, where: { seq } });
    return entry?.id ?? null;
  }

  /** Workers for a run of the access stream, or null to verify on this thread (an in-memory SQLite database, a bundled host). */
  private startWorkers(count: number): ChainChunkWorkers | null {
    return this.reader.postgres || this.reader.sqliteFile() ? ChainChunkWorkers.start(count) : null;
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

  private async checkTail(stream: AuditStream, head: AuditChainHead, verifier: { lastSeq: number; lastHash: string }): Promise<VerificationFailure | null> {
    if (verifier.lastSeq !== head.size || (verifier.lastHash !== '' && verifier.lastHash !== head.headHash)) {
      return { seq: verifier.lastSeq, entryId: null, reason: `the chain ends at ${verifier.lastSeq} but its head says ${head.size}` };
    }
    const later = await this.checkpoints.beyond(stream, head.size);
    if (later.length) return { seq: head.size + 1, entryId: null, reason: `a signed checkpoint covers ${later[0].size} entries, the log has ${head.size} (entries were cut off)` };
    return null;
  }
}

/** The slices' results, in order: the first failure ends the tally. */
class SliceTally {
  entriesChecked = 0;
  purgedEntries = 0;
  lastSeq: number;
  lastHash = '';
  failure: VerificationFailure | null = null;
  checkpointHashes = new Map<number, string>();
  private slices = 0;

  constructor(startAfterSeq: number) {
    this.lastSeq = startAfterSeq;
  }

  /** False once a failure was found. */
  add(result: ChainChunkResult): boolean {
    if (this.slices > 0 && !result.failure && result.anchorHash !== this.lastHash) {
      // Two reads of the same stored entry disagree: it was rewritten while the walk was under way.
      this.failure = { seq: this.lastSeq, entryId: null, reason: `entry ${this.lastSeq} changed while it was being verified` };
      return false;
    }
    this.slices += 1;
    this.entriesChecked += result.entriesChecked;
    this.purgedEntries += result.purgedEntries;
    for (const [seq, hash] of result.checkpointHashes) this.checkpointHashes.set(seq, hash);
    this.lastSeq = result.lastSeq;
    this.lastHash = result.lastHash;
    this.failure = result.failure;
    return !this.failure;
  }
}
