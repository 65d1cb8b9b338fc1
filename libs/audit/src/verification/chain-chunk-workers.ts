import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChainChunkJob, ChainChunkReply } from './chain-chunk.job';
import type { ChainChunkResult } from './chain-verifier';

/**
 * A young generation several times V8's default: a worker allocates short-lived strings for every entry, and
 * fewer scavenges promote fewer of them (bench/audit: about 5 to 10 % faster; at most 64 MB per worker, only
 * while a run lasts).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 };

interface PendingJob {
  id: number;
  job: ChainChunkJob;
  transfer: ArrayBuffer[];
  resolve: (result: ChainChunkResult) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that verify slices of the access stream side by side. Hashing is what bounds verification,
 * and a chain verifies in independent slices because every entry's stored hash is there to link onto.
 * Started for one verification run and stopped after it: a run worth parallelising takes seconds, starting a
 * worker takes milliseconds, and nothing stays behind between runs.
 */
export class ChainChunkWorkers {
  private readonly idle: Worker[] = [];
  private readonly queue: PendingJob[] = [];
  private readonly running = new Map<Worker, PendingJob>();
  private nextId = 0;
  private failed: Error | null = null;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (reply: ChainChunkReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => code !== 0 && this.fail(new Error(`verification worker exited with ${code}`)));
      this.idle.push(worker);
    }
  }

  /**
   * Starts `count` workers, or answers null where the worker script is not beside this file (a bundled host
   * application): the caller then verifies on its own thread. Under ts-node or ts-jest the TypeScript source
   * is loaded through ts-node's transpiler.
   */
  static start(count: number): ChainChunkWorkers | null {
    const base = join(__dirname, 'chain-chunk.worker');
    const spawn = existsSync(`${base}.js`)
      ? () => new Worker(`${base}.js`, { resourceLimits: WORKER_LIMITS })
      : existsSync(`${base}.ts`)
        ? () => new Worker(`require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(`${base}.ts`)});`, { eval: true, resourceLimits: WORKER_LIMITS })
        : null;
    return spawn ? new ChainChunkWorkers(Array.from({ length: count }, spawn)) : null;
  }

  get size(): number {
    return this.workers.length;
  }

  run(job: ChainChunkJob, transfer: ArrayBuffer[] = []): Promise<ChainChunkResult> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: (this.nextId += 1), job, transfer, resolve, reject });
      this.dispatch();
    });
  }

  async stop(): Promise<void> {
    this.fail(new Error('verification workers stopped'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.postMessage({ id: pending.id, job: pending.job }, pending.transfer);
    }
  }

  private settle(worker: Worker, reply: ChainChunkReply): void {
    const pending = this.running.get(worker);
    if (!pending || pending.id !== reply.id) return;
    this.running.delete(worker);
    this.idle.push(worker);
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.result);
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = error;
    for (const pending of [...this.running.values(), ...this.queue.splice(0)]) pending.reject(error);
    this.running.clear();
  }
}
