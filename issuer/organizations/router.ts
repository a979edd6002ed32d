import { Router } from 'express';
import { actorOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { WebIdentities } from '../registry/web-identities.ts';
import { OrganizationInput, accreditOrganization } from './accredit.ts';
import { ListingQuery, listOrganizations } from './list.ts';
import { mayOversee, oversightRecord } from './oversight.ts';
import { organizationProfile } from './profile.ts';
import { KeyRevocationInput, revokeOrganizationKey } from './keys/revoke.ts';
import { rotateOrganizationKey } from './keys/rotate.ts';
import { ReinstatementInput, reinstateOrganization } from './reinstate.ts';
import { SuspensionInput, suspendOrganization } from './suspend.ts';

/**
 * Accreditation of organizations (the registry anywhere, a front office in its own region),
 * their public profiles, and the rotation and revocation of their signing keys.
 */
export function createOrganizationsRouter(deps: IssuerDeps, identities: WebIdentities): Router {
  const router = Router();
  // After this guard the caller is known: `actorOf(res)!` below cannot be undefined.
  const accreditors = requireActor('registry', 'front_office');

  router.post('/v1/organizations', accreditors, async (req, res) => {
    const input = parseInput(OrganizationInput, req.body);
    res.status(201).json(await accreditOrganization(deps, identities, actorOf(res)!, input));
  });

  router.post('/v1/organizations/:id/suspend', accreditors, async (req, res) => {
    const input = parseInput(SuspensionInput, req.body);
    res.json(await suspendOrganization(deps, actorOf(res)!, String(req.params.id), input));
  });

  router.post('/v1/organizations/:id/reinstate', accreditors, async (req, res) => {
    // A reason is optional here, so an empty body is as good as `{}`.
    const input = parseInput(ReinstatementInput, req.body ?? {});
    res.json(await reinstateOrganization(deps, actorOf(res)!, String(req.params.id), input));
  });

  // The organization's own keys: itself or the registry (keys/authority.ts checks which organization).
  const keyHolders = requireActor('registry', 'organization');

  router.post('/v1/organizations/:id/keys/rotate', keyHolders, async (req, res) => {
    res.json(await rotateOrganizationKey(deps, identities, actorOf(res)!, String(req.params.id)));
  });

  router.post('/v1/organizations/:id/keys/:keyId/revoke', keyHolders, async (req, res) => {
    const input = parseInput(KeyRevocationInput, req.body);
    res.json(await revokeOrganizationKey(deps, actorOf(res)!, String(req.params.id), String(req.params.keyId), input));
  });

  router.get('/v1/organizations', async (req, res) => {
    res.json(await listOrganizations(deps.db, parseInput(ListingQuery, { ...req.query })));
  });

  router.get('/v1/organizations/:id', async (req, res) => {
    const profile = await organizationProfile(deps.db, req.params.id);
    // Overseers (and the organization itself) also see its contact and why intervals ended.
    if (!mayOversee(actorOf(res), profile)) return void res.json(profile);
    res.set('cache-control', 'private, no-store').json({ ...profile, ...(await oversightRecord(deps.db, profile.id)) });
  });

  return router;
}
