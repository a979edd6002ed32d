import { PassportError } from '../errors.ts';

export interface WorkLimitOptions {
  /** How many pieces of work run at once. */
  concurrency: number;
  /** How many may wait for a slot; one more is refused at once with 503 `busy`. */
  queue: number;
  /** Says what is busy in the refusal (`checking passwords`). */
  what: string;
}

export interface WorkLimit {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Running and waiting now, for tests and health. */
  readonly running: number;
  readonly waiting: number;
}

/**
 * A small semaphore with a bounded queue. Work beyond `concurrency` waits in order; once the
 * queue is full the caller gets 503 `busy` (with `retryAfterSeconds: 1`) instead of piling up
 * memory and latency behind a burst.
 *
 * @example
 * const limit = createWorkLimit({ concurrency: 2, queue: 32, what: 'checking passwords' });
 * const hash = await limit.run(() => scryptAsync(password));
 */
export function createWorkLimit(options: WorkLimitOptions): WorkLimit {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const nextInLine = waiting.shift();
    if (nextInLine) nextInLine();
    else running--;
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running < options.concurrency) {
        running++;
      } else {
        if (waiting.length >= options.queue) {
          throw new PassportError('busy', `The service is busy ${options.what}; try again in a moment`, { extra: { retryAfterSeconds: 1 } });
        }
        // The slot is handed over by `release` without being freed, so no newcomer can jump the queue.
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
