import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDataDir } from './services.ts';

/**
 * Where browser tests save their screenshots. The README's pictures in `docs/screenshots/` are
 * refreshed only on request (`UPDATE_SCREENSHOTS=1 npm test`), so an ordinary test run leaves the
 * work tree clean; otherwise they go to a temporary folder, still taken, so a page that cannot
 * be rendered still fails the test.
 */
export const SCREENSHOTS: string = process.env.UPDATE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : tempDataDir('passport-screenshots-');

mkdirSync(SCREENSHOTS, { recursive: true });

export function screenshotPath(name: string): string {
  return join(SCREENSHOTS, name);
}
