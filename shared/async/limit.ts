/**
 * At most `concurrency` tasks at a time; the rest wait in order. One request that fans out to
 * hundreds of sources (a presentation of 100 credentials, a passport of 1,000) then holds a
 * bounded number of sockets and buffers at once.
 *
 * @example
 * const limit = createLimiter(8);
 * const docs = await Promise.all(dids.map((did) => limit(() => resolver.resolveDocument(did))));
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next in line, so no newcomer slips in between.
    if (running >= concurrency) await new Promise<void>((start) => waiting.push(start));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** `fn` over `items` with at most `concurrency` running at once; results in the order of `items`. */
export function mapLimited<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const limit = createLimiter(concurrency);
  return Promise.all(items.map((item, index) => limit(() => fn(item, index))));
}
