import type { DIDDocument } from 'did-resolver';
import { PassportError } from '../../shared/errors.ts';
import type { CheckContext } from './context.ts';
import { ISSUER_RESOLVED } from './ids.ts';
import { failed, passed, unavailable, type Check } from './outcome.ts';

export interface ResolvedIssuer {
  check: Check;
  document?: DIDDocument;
}

/**
 * The issuer's DID resolves to a DID document. A did:web whose host is refused (loopback,
 * private, metadata address) fails; one that does not answer could not be checked.
 */
export async function resolveIssuer(issuerDid: string | undefined, ctx: CheckContext): Promise<ResolvedIssuer> {
  if (!issuerDid) return { check: failed(ISSUER_RESOLVED, 'no_issuer', 'No issuer DID is named') };
  try {
    const document = await ctx.dids.resolveDocument(issuerDid);
    return { check: passed(ISSUER_RESOLVED, `${issuerDid} resolved`), document };
  } catch (err) {
    const e = err instanceof PassportError ? err : new PassportError('fetch_failed', String(err));
    if (e.code === 'fetch_failed') return { check: unavailable(ISSUER_RESOLVED, 'did_unreachable', e.detail) };
    if (e.code === 'fetch_refused') return { check: failed(ISSUER_RESOLVED, 'did_refused', e.detail) };
    return { check: failed(ISSUER_RESOLVED, 'did_unresolvable', e.detail) };
  }
}
