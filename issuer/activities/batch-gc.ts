import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A batch at least this large is followed by a full collection. */
export const COLLECT_AFTER_ROWS = 2_000;

let collect: (() => void) | undefined | null = null;

/**
 * A full garbage collection once a large batch has been answered (docs/performance.md, "Batches
 * and memory"). A 10,000-row request keeps each window's rows alive across its transaction, so
 * V8 moves some 20 MB of them to the old generation, where they lie dead until a full collection
 * that V8 starts only once that generation has grown by about three times what is live (150–180 MB
 * here). Collecting right after the batch keeps the resident set flat for about 60 ms of CPU a
 * 10,000-row request (some 5% of it), paid only by this route; every other request is left to
 * V8's own schedule. Runs after the answer has gone, on the next turn of the event loop.
 * `gc` is exposed at run time (as the `expose-gc` package does); where that is not possible
 * this does nothing.
 */
export function collectAfterBatch(rows: number): void {
  if (rows < COLLECT_AFTER_ROWS) return;
  if (collect === null) {
    try {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? (gc as () => void) : undefined;
    } catch {
      collect = undefined;
    }
  }
  const run = collect;
  if (run) setImmediate(run);
}
