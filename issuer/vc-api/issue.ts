import type { CredentialPayload, VerifiableCredential } from '@veramo/core-types';
import { PassportError } from '../../shared/errors.ts';
import { issueCredential, withIssuingRetry } from '../credentials/issue.ts';
import { accreditedOrganization } from '../credentials/organization.ts';
import type { EnvelopedCredential } from '../credentials/sign.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { prepareCredential } from './prepare.ts';
import { readIssueRequest } from './request.ts';
import { vcJwtInput } from './vc-jwt-input.ts';

/**
 * W3C VC API issue (`POST /credentials/issue`): the calling organization signs a credential with
 * a status list entry of its own. A VC 1.1 credential is answered as today, the body with
 * `proof: { type: 'JwtProof2020', jwt }` (a VC-JWT); a VC 2.0 credential as an
 * `EnvelopedVerifiableCredential` whose `data:application/vc+jwt,` URL carries a vc+jwt.
 * Malformed input is `invalid_request` (400); a well-formed credential this issuer will not sign
 * is `unprocessable` (422).
 */
export async function issueByVcApi(deps: IssuerDeps, actor: OrganizationActor, body: unknown): Promise<VerifiableCredential | EnvelopedCredential> {
  const request = readIssueRequest(body);
  const now = deps.now();
  return withIssuingRetry(() =>
    deps.db.transaction(async (tx) => {
      const organization = await accreditedOrganization(tx, actor.id);
      const prepared = prepareCredential(request, { organization, issuerUrl: deps.config.issuerUrl, now });
      if (prepared.id && (await tx.get('SELECT id FROM credentials WHERE id = ?', [prepared.id]))) {
        throw new PassportError('conflict', `A credential with id ${prepared.id} was already issued`, { field: 'credential.id' });
      }
      const issued = await issueCredential(
        deps,
        tx,
        {
          organization,
          credentialId: prepared.id,
          holderDid: prepared.holders,
          via: 'vc-api',
          actor,
          securing: prepared.securing,
          build: (status) => {
            const credential = prepared.withStatus(status);
            return prepared.securing === 'vc+jwt' ? (credential as unknown as CredentialPayload) : vcJwtInput(credential);
          },
        },
        now,
      );
      if (prepared.securing === 'vc+jwt') return issued.verifiableCredential;
      return { ...(prepared.withStatus(issued.status) as VerifiableCredential), proof: { type: 'JwtProof2020', jwt: issued.jwt } };
    }),
  );
}
