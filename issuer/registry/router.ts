import { Router } from 'express';
import { createOrganizationsRouter } from '../organizations/index.ts';
import { createPublicRouter } from '../public/index.ts';
import { createTrustListPublisher, createTrustListRouter } from '../trust-list/index.ts';
import { actorOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { FrontOfficeInput, createFrontOffice } from './create-front-office.ts';
import { createDidRouter } from './did-router.ts';
import { listFrontOffices } from './front-offices.ts';
import { registryIdentity } from './identity.ts';
import { parseInput } from '../../shared/http/index.ts';
import { createWebIdentities } from './web-identities.ts';

/**
 * The national registry: front offices, accreditation of organizations, the DID documents and
 * the signed trust list, and the public context and schema that credentials point to.
 */
export function createRegistryRouter(deps: IssuerDeps): Router {
  const identities = createWebIdentities(deps);
  const router = Router();

  router.post('/v1/front-offices', requireActor('registry'), async (req, res) => {
    const input = parseInput(FrontOfficeInput, req.body);
    res.status(201).json(await createFrontOffice(deps, actorOf(res)!, input));
  });

  router.get('/v1/front-offices', async (_req, res) => {
    res.json({ frontOffices: await listFrontOffices(deps.db) });
  });

  router.use(createDidRouter(deps, identities));
  router.use(createOrganizationsRouter(deps, identities));
  router.use(createTrustListRouter(createTrustListPublisher(deps, () => registryIdentity(deps, identities))));
  router.use(createPublicRouter(deps.config));
  return router;
}

/**
 * Creates the registry's did:web and its Ed25519 key on the first start (the agent seals the
 * private key); every later start, and a second instance starting at the same time, reuses it.
 */
export async function ensureRegistryIdentity(deps: IssuerDeps): Promise<void> {
  const { did } = await registryIdentity(deps, createWebIdentities(deps));
  deps.logger.info({ did }, 'registry identity ready');
}
