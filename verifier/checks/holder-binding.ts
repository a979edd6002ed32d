import type { PresentationUnderTest } from '../credentials/read-presentation.ts';
import { HOLDER_BINDING } from './ids.ts';
import { failed, passed, type Check } from './outcome.ts';

/**
 * The one who signed the presentation is the subject of the credential: a credential shown by
 * anyone else proves nothing about the one showing it. The signature check then proves that the
 * signer really signed.
 */
export function checkHolderBinding(p: PresentationUnderTest, subjectDid: string | undefined): Check {
  if (!p.signerDid) return failed(HOLDER_BINDING, 'no_signer', 'The presentation names no signer');
  if (p.holderDid && p.holderDid !== p.signerDid) {
    return failed(HOLDER_BINDING, 'holder_not_signer', `The presentation names holder ${p.holderDid} but is signed by ${p.signerDid}`);
  }
  if (subjectDid !== p.signerDid) {
    return failed(HOLDER_BINDING, 'holder_not_subject', `Presented by ${p.signerDid}, but the credential is about ${subjectDid ?? 'no DID'}`);
  }
  return passed(HOLDER_BINDING, `Presented by its subject ${subjectDid}`);
}
