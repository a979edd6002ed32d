import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A batch at least this large may be followed by a full collection. */
export const COLLECT_AFTER_ROWS = 2_000;
/** ...when the heap has grown this much since the last one. */
const COLLECT_AFTER_GROWTH = 32 * 1024 * 1024;

let collect: (() => void) | undefined | null = null;
let usedAfterLast = 0;

/**
 * A full garbage collection after a large batch, once the heap has grown by 32 MB since the last
 * one (docs/performance.md, "Batches and memory"). A 10,000-row request still keeps each window's
 * checked rows and outcomes alive across its transaction, so V8 moves some 8 MB of them to the old
 * generation, where they lie dead until a full collection that V8 starts only once that generation
 * has grown by two to three times what is live (150–180 MB here). One collection every few such
 * requests (about 60 ms of CPU each, against some 1.5 s of CPU a request) keeps the resident set
 * flat; it is paid by this route only, every other request is left to V8's own schedule. It runs
 * after the answer has gone, on the next turn of the event loop. `gc` is exposed at run time (as
 * the `expose-gc` package does); where that is not possible this does nothing.
 */
export function collectAfterBatch(rows: number): void {
  if (rows < COLLECT_AFTER_ROWS || getHeapStatistics().used_heap_size - usedAfterLast < COLLECT_AFTER_GROWTH) return;
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
  if (!run) return;
  setImmediate(() => {
    run();
    usedAfterLast = getHeapStatistics().used_heap_size;
  });
}
