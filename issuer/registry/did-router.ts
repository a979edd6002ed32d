import { Router, type Response } from 'express';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';
import { didDocumentOf } from './did-document.ts';
import { registryDid } from './identity.ts';
import type { WebIdentities, WebIdentity } from './web-identities.ts';

/**
 * The did:web documents the issuer hosts: the registry's at `/.well-known/did.json` and each
 * organization's at `/orgs/{id}/did.json`. Suspended organizations keep theirs: the credentials
 * they issued while accredited must still verify.
 */
export function createDidRouter(deps: Pick<IssuerDeps, 'config' | 'db'>, identities: WebIdentities): Router {
  const router = Router();

  router.get('/.well-known/did.json', async (_req, res) => {
    sendDocument(res, await identities.find(registryDid(deps)), 'The registry has no DID yet');
  });

  router.get('/orgs/:id/did.json', async (req, res) => {
    // Only accredited (or once accredited) organizations: an identity left by a crashed
    // accreditation is not published until its organization exists.
    const org = await deps.db.get<{ did: string }>('SELECT did FROM organizations WHERE id = ?', [req.params.id]);
    sendDocument(res, org ? await identities.find(org.did) : undefined, `No organization ${req.params.id}`);
  });

  return router;
}

function sendDocument(res: Response, identity: WebIdentity | undefined, missing: string): void {
  if (!identity) throw new PassportError('not_found', missing);
  res
    .type('application/did+json')
    .set({ 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' })
    .send(JSON.stringify(didDocumentOf(identity)));
}
