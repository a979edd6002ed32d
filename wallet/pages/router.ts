import { Router } from 'express';
import type { Config } from '../../shared/config.ts';
import type { Logger } from '../../shared/logger.ts';

export interface PagesDeps {
  config: Config;
  logger: Logger;
}

/** Placeholder until the wallet's pages land (issue 3). */
export function createPagesRouter(_deps: PagesDeps): Router {
  return Router();
}
