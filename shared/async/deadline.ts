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
  private passed = false;
  /** `endsAt` on `performance.now()`'s clock; read by the shared ticker. */
  readonly endsAt: number;
  private waiters: { reject: (err: PassportError) => void; what: string }[] = [];

  constructor(readonly ms: number) {
    this.endsAt = performance.now() + ms;
  }

  get hasPassed(): boolean {
    if (!this.passed && performance.now() >= this.endsAt) this.expire();
    return this.passed;
  }

  /** Throws what `race` rejects with once the deadline has passed: for work not worth starting any more. */
  throwIfPassed(what: string): void {
    if (this.hasPassed) throw this.missed(what);
  }

  /** The promise's outcome, or a `fetch_failed` naming `what` once the deadline has passed. */
  race<T>(promise: Promise<T>, what: string): Promise<T> {
    if (this.hasPassed) {
      promise.catch(() => undefined);
      return Promise.reject(this.missed(what));
    }
    return new Promise<T>((resolve, reject) => {
      this.waiters.push({ reject, what });
      watch(this);
      promise.then(resolve, reject);
    });
  }

  /** Stops watching once the request is answered. */
  clear(): void {
    unwatch(this);
    this.waiters = [];
  }

  /** Called by the ticker (or a late reader of `hasPassed`): every race still waiting loses. */
  expire(): void {
    this.passed = true;
    unwatch(this);
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(this.missed(w.what));
  }

  private missed(what: string): PassportError {
    return new PassportError('fetch_failed', `${what} did not arrive within the deadline of ${this.ms} ms`, { extra: { reason: DEADLINE_EXCEEDED } });
  }
}

/**
 * One ticker for every deadline being raced, instead of a timer per request: arming a deadline is
 * a Set insertion, and a request whose sources answer from memory pays little more. The ticker
 * runs only while some deadline is watched, and never keeps the process alive.
 */
const TICK_MS = 20;
const watched = new Set<Deadline>();
let ticker: NodeJS.Timeout | undefined;

function watch(deadline: Deadline): void {
  watched.add(deadline);
  if (!ticker) {
    ticker = setInterval(tick, TICK_MS);
    ticker.unref();
  }
}

function unwatch(deadline: Deadline): void {
  watched.delete(deadline);
}

function tick(): void {
  const now = performance.now();
  for (const deadline of watched) if (now >= deadline.endsAt) deadline.expire();
  if (watched.size === 0 && ticker) {
    clearInterval(ticker);
    ticker = undefined;
  }
}

/** True for the error `Deadline.race` rejects with. */
export function isDeadlineMiss(err: unknown): boolean {
  return err instanceof PassportError && err.extra?.reason === DEADLINE_EXCEEDED;
}
