import { Logger } from '@nestjs/common';

/**
 * A job on an interval, for the libs' timers (checkpoints, purges, reminders, applying due changes): never two
 * runs at once, failures logged rather than thrown, and the timer unref'd so it never keeps a process alive.
 * Each job is idempotent across instances by its own design; this only paces it within one process.
 */
export class RecurringTask {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  /** Starts running every `milliseconds`; 0 or less leaves it off. */
  start(milliseconds: number): void {
    if (milliseconds <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), milliseconds);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One run now, unless one is still going. */
  async runOnce(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.work();
    } catch (error) {
      this.logger.error({ err: error }, `${this.name} failed`);
    } finally {
      this.running = false;
    }
  }
}
