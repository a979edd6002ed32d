import { PassportError } from '../../shared/errors.ts';
import { decodeJwtParts } from '../../shared/jwt/index.ts';
import type { CheckContext } from '../checks/index.ts';
import { isCredentialJwt } from '../credentials/read-credential.ts';
import { isPresentationJwt, readPresentation } from '../credentials/read-presentation.ts';
import type { VerificationResult } from './report.ts';
import { verifyCredentialAlone } from './verify-credential-alone.ts';
import { verifyPresentation, type PresentationOptions } from './verify-presentation.ts';

export type JwtKind = 'credential' | 'presentation';

/**
 * What a JWT claims to be. Throws `invalid_request` (the fatal outcome: nothing else can be
 * judged) when it is not a JWT, or a JWT that is neither a credential nor a presentation.
 */
export function kindOf(jwt: string): JwtKind {
  const { header, payload } = decodeJwtParts(jwt);
  if (isPresentationJwt(header, payload)) return 'presentation';
  if (isCredentialJwt(header, payload)) return 'credential';
  throw new PassportError('invalid_request', 'The JWT is neither a verifiable credential nor a verifiable presentation', { field: 'jwt' });
}

/**
 * Verifies a credential or presentation JWT, whichever it is. Throws only for the fatal
 * outcome (`kindOf`); everything else is in the returned log.
 *
 * @example
 * const result = await verifyJwt(body.jwt, ctx, { notAskedWhy: 'Checked as handed over, not as an answer to a request' });
 */
export async function verifyJwt(jwt: string, ctx: CheckContext, options: PresentationOptions = {}): Promise<VerificationResult> {
  return kindOf(jwt) === 'presentation' ? verifyPresentation(readPresentation(jwt), ctx, options) : verifyCredentialAlone(jwt, ctx);
}
