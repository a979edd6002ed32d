import type { Response } from 'express';
import type { Logger } from '../../shared/logger.ts';
import type { BatchWindow } from './batch.ts';

/**
 * Sends a batch's answer, the JSON array of every row's result, a window at a time as the windows
 * are recorded: each window's results are made text a hundred at a time, sent and let go, so the answer
 * of 10,000 rows (about 6 MB of JSON) is never held whole, as objects or as one string. The bytes
 * are those `JSON.stringify` makes of the whole array. Nothing is sent before the first window is
 * recorded, so a problem with the whole batch (an organization no longer accredited, a body that
 * is not an array) is still answered as problem details; a failure after that (the database
 * gone mid-batch) can only cut the answer short, which the client sees as a broken response, and
 * is logged. The rows recorded before it stay recorded, as they did when the answer was sent
 * whole; sending the batch again records each of them once (idempotency keys). Returns how many
 * rows were answered.
 */
export async function sendBatchAnswer(res: Response, windows: AsyncGenerator<BatchWindow, void, void>, logger: Logger): Promise<number> {
  const first = await windows.next();
  if (first.done) throw new Error('a batch yields at least one window');
  if (first.value.uploadId) res.set('upload-id', first.value.uploadId);
  // Megabytes of answer to a POST: no ETag (a hash of it all) that nobody revalidates.
  res.status(200).set('content-type', 'application/json; charset=utf-8');
  await writeWindow(res, first.value, '[');
  let rows = first.value.length;
  try {
    for await (const window of windows) {
      await writeWindow(res, window, ',');
      rows += window.length;
    }
  } catch (err) {
    logger.error({ err }, 'a batch failed after its answer had begun: the answer is cut short');
    res.destroy();
    return rows;
  }
  res.end(']');
  return rows;
}

/** Results written this many at a time: some 60 KB of text, well below V8's large objects. */
const RESULTS_PER_WRITE = 100;

/**
 * A window's results as items of the array, after `lead`, in short pieces made as they are sent:
 * text of the whole window (a megabyte) would be a large object, which V8 keeps until a full
 * collection.
 */
async function writeWindow(res: Response, window: BatchWindow, lead: string): Promise<void> {
  for (let i = 0; i < window.length; i += RESULTS_PER_WRITE) {
    const items: string[] = [];
    for (let j = i; j < Math.min(i + RESULTS_PER_WRITE, window.length); j++) items.push(window.text(j));
    await write(res, (i === 0 ? lead : ',') + items.join(','));
  }
}

/** Writes, and waits while the client is slower than the batch (or until it has gone). */
function write(res: Response, text: string): Promise<void> {
  if (res.destroyed || res.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
