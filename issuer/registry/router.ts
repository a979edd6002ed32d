import { Router } from 'express';
import type { IssuerDeps } from '../deps.ts';

/** Placeholder until the registry routes land (issue 2). */
export function createRegistryRouter(_deps: IssuerDeps): Router {
  return Router();
}

export async function ensureRegistryIdentity(_deps: IssuerDeps): Promise<void> {}
