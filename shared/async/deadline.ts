import { PassportError } from '../errors.ts';

/** Why a fetch failed when it was the deadline, not the source, that gave up (`PassportError.extra.reason`). */
export const DEADLINE_EXCEEDED = 'deadline_exceeded';

/**
 * One deadline shared by everything a single request waits for (a verification's DID documents,
 * trust list and status lists; a wallet's status checks). `race` lets a promise lose to the
 * deadline: the caller stops waiting and reports "could not check" instead of hanging, while the
 * fetch underneath ends on its own timeout and may still fill a cache for the next request.
 *
 * @example
 * const deadline = new Deadline(5_000);
 * try {
 *   const doc = await deadline.race(dids.resolveDocument(did), `the DID document of ${did}`);
 * } finally {
 *   deadline.clear();
 * }
 */
export class Deadline {
  private readonly expired: Promise<never>;
  private timer: NodeJS.Timeout | undefined;
  private passed = false;

  constructor(readonly ms: number) {
    this.expired = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => {
        this.passed = true;
        reject(new PassportError('fetch_failed', `Not had within the deadline of ${ms} ms`, { extra: { reason: DEADLINE_EXCEEDED } }));
      }, ms);
      this.timer.unref();
    });
    // Nobody may be racing when the deadline passes.
    this.expired.catch(() => undefined);
  }

  get hasPassed(): boolean {
    return this.passed;
  }

  /** Throws what `race` rejects with once the deadline has passed: for work not worth starting any more. */
  throwIfPassed(what: string): void {
    if (this.passed) throw this.missed(what);
  }

  /** The promise's outcome, or a `fetch_failed` naming `what` once the deadline has passed. */
  race<T>(promise: Promise<T>, what: string): Promise<T> {
    if (this.passed) {
      promise.catch(() => undefined);
      return Promise.reject(this.missed(what));
    }
    return Promise.race([promise, this.expired.catch(() => Promise.reject(this.missed(what)))]);
  }

  /** Stops the timer once the request is answered. */
  clear(): void {
    clearTimeout(this.timer);
  }

  private missed(what: string): PassportError {
    return new PassportError('fetch_failed', `${what} did not arrive within the deadline of ${this.ms} ms`, { extra: { reason: DEADLINE_EXCEEDED } });
  }
}

/** True for the error `Deadline.race` rejects with. */
export function isDeadlineMiss(err: unknown): boolean {
  return err instanceof PassportError && err.extra?.reason === DEADLINE_EXCEEDED;
}
