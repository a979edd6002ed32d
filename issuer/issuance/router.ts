import { Router } from 'express';
import type { Migration } from '../../shared/db/index.ts';
import type { IssuerDeps } from '../deps.ts';

/** Placeholder until the issuance routes land (issue 2). */
export const ISSUANCE_MIGRATIONS: readonly Migration[] = [];

export function createIssuanceRouter(_deps: IssuerDeps): Router {
  return Router();
}
