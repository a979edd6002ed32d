import type { PresentationUnderTest } from '../credentials/read-presentation.ts';
import { HOLDER_BINDING } from './ids.ts';
import { failed, notApplicable, passed, type Check } from './outcome.ts';

/**
 * The one who signed the presentation is the subject of the credential, and proved holding that
 * key to this verifier. A credential shown by anyone else proves nothing about the one showing it.
 * A presentation the subject signed earlier (a share link, one handed over without a challenge)
 * is a bearer object: whoever has it can show it. It proves the credentials, not the presenter,
 * so the check does not pass: it does not apply, and says so (`bearer`). Only an answer to this
 * verifier's own nonce (an OpenID4VP answer, a VC API challenge) proves possession now.
 */
export function checkHolderBinding(p: PresentationUnderTest, subjectDid: string | undefined, provenForThisVerifier: boolean): Check {
  if (!p.signerDid) return failed(HOLDER_BINDING, 'no_signer', 'The presentation names no signer');
  if (p.holderDid && p.holderDid !== p.signerDid) {
    return failed(HOLDER_BINDING, 'holder_not_signer', `The presentation names holder ${p.holderDid} but is signed by ${p.signerDid}`);
  }
  if (subjectDid !== p.signerDid) {
    return failed(HOLDER_BINDING, 'holder_not_subject', `Presented by ${p.signerDid}, but the credential is about ${subjectDid ?? 'no DID'}`);
  }
  if (!provenForThisVerifier) {
    return {
      ...notApplicable(HOLDER_BINDING, `Signed by its subject ${subjectDid}, but not for this verifier: anyone who has this presentation can show it. Ask for a live request to know the presenter is the subject`),
      bearer: true,
    };
  }
  return passed(HOLDER_BINDING, `Presented by its subject ${subjectDid}, who answered this verifier's nonce with that key`);
}
