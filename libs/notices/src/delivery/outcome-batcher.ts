import { DeliveryOutcome } from '../notice-delivery.repository';

interface Waiting {
  outcome: DeliveryOutcome;
  resolve: (recorded: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the outcomes of finished attempts and writes them together: one statement per batch instead of one
 * per delivery. At a thousand deliveries a second the per-delivery UPDATE was most of a worker's database
 * round trips. An outcome waits at most `lingerMs` (or until `maxBatch` have gathered); the delivery keeps
 * its slot until then, so a graceful stop still waits for every outcome to be written.
 */
export class OutcomeBatcher {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly write: (outcomes: readonly DeliveryOutcome[]) => Promise<Set<string>>,
    private readonly maxBatch: number,
    private readonly lingerMs: number,
  ) {}

  /** Resolves once written: true if the claim still held the delivery, false if a newer claim has it. */
  record(outcome: DeliveryOutcome): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ outcome, resolve, reject });
      if (this.waiting.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  /** Writes what has gathered now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting;
    this.waiting = [];
    if (!batch.length) return;
    this.write(batch.map((entry) => entry.outcome)).then(
      (recorded) => batch.forEach((entry) => entry.resolve(recorded.has(entry.outcome.id))),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  }
}
