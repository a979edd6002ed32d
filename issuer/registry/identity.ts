import { didWebFromUrl } from '../../shared/config.ts';
import type { IssuerDeps } from '../deps.ts';
import type { WebIdentities, WebIdentity } from './web-identities.ts';

/** The national registry's did:web: the issuer's own base URL. */
export function registryDid(deps: Pick<IssuerDeps, 'config'>): string {
  return didWebFromUrl(deps.config.issuerUrl);
}

/**
 * Creates the registry's did:web and key on the first start; later starts, and an instance
 * starting at the same moment, get the same one.
 */
export async function registryIdentity(deps: Pick<IssuerDeps, 'config'>, identities: WebIdentities): Promise<WebIdentity> {
  return identities.ensure(registryDid(deps));
}
