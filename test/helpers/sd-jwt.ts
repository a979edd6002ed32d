import { verify as verifySignature } from 'node:crypto';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { digest } from '@sd-jwt/crypto-nodejs';
import { ed25519PublicKeyObject } from '../../shared/crypto/index.ts';
import { publicKeyFromMultibase } from '../../shared/did/index.ts';

/**
 * An independent reader of SD-JWT VCs for tests: the SD-JWT library's own verifier, with the
 * issuer's key taken from its did:web document as fetched over HTTP (the method `kid` names, else
 * the first), and the holder's from `cnf`.
 * It checks the signature, the disclosures, the key binding when asked, and the status list.
 */
export async function libraryVerifier(didDocumentUrl: string, kid?: string): Promise<SDJwtVcInstance> {
  const doc = (await (await fetch(didDocumentUrl)).json()) as { verificationMethod: { id: string; publicKeyMultibase?: string; publicKeyJwk?: { x: string } }[] };
  const method = kid ? doc.verificationMethod.find((m) => m.id === kid)! : doc.verificationMethod[0]!;
  const publicKey = method.publicKeyJwk ? Buffer.from(method.publicKeyJwk.x, 'base64url') : publicKeyFromMultibase(method.publicKeyMultibase!);
  const issuerKey = ed25519PublicKeyObject(publicKey);
  return new SDJwtVcInstance({
    hasher: digest,
    verifier: (data, signature) => verifySignature(null, Buffer.from(data), issuerKey, Buffer.from(signature, 'base64url')),
    kbVerifier: (data, signature, payload) => {
      const x = (payload as { cnf?: { jwk?: { x?: string } } }).cnf?.jwk?.x;
      return typeof x === 'string' && verifySignature(null, Buffer.from(data), ed25519PublicKeyObject(Buffer.from(x, 'base64url')), Buffer.from(signature, 'base64url'));
    },
  });
}

/** The issuer-signed JWT's payload and the disclosures of a compact SD-JWT, decoded by hand. */
export function splitSdJwt(sdJwt: string): { payload: Record<string, any>; header: Record<string, any>; disclosures: unknown[][] } {
  const [jwt, ...rest] = sdJwt.split('~');
  const [header, payload] = jwt!.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')));
  const disclosures = rest.filter((d) => d && !d.includes('.')).map((d) => JSON.parse(Buffer.from(d, 'base64url').toString('utf8')) as unknown[]);
  return { header, payload, disclosures };
}
