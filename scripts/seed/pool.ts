/**
 * Runs tasks with at most `concurrency` at a time. `add` waits while too many are queued, so
 * a producer of millions of claims never holds more than a bounded number in memory.
 */
export class TaskPool {
  private running = 0;
  private readonly queue: (() => Promise<void>)[] = [];
  private readonly waiters: (() => void)[] = [];
  private idle: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueued = concurrency * 8,
  ) {}

  async add(task: () => Promise<void>): Promise<void> {
    while (this.queue.length >= this.maxQueued) await new Promise<void>((r) => this.waiters.push(r));
    this.queue.push(task);
    this.pump();
  }

  /** Resolves once every task added so far has finished. */
  async drain(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return;
    await new Promise<void>((r) => this.idle.push(r));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length) {
      const task = this.queue.shift()!;
      this.waiters.shift()?.();
      this.running++;
      void task().finally(() => {
        this.running--;
        this.pump();
        if (this.running === 0 && this.queue.length === 0) {
          const idle = this.idle;
          this.idle = [];
          idle.forEach((r) => r());
        }
      });
    }
  }
}
