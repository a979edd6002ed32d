import { sign } from 'node:crypto';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import type { LocalizedText } from '../../shared/credential/index.ts';
import type { SecretBox } from '../../shared/crypto/index.ts';
import { DISCLOSABLE_CLAIMS, readSdJwt, sdJwtHasher, sdJwtSalt, type DisclosableClaim } from '../../shared/sd-jwt-vc/index.ts';
import type { CheckedCredential } from '../credentials/index.ts';
import type { HolderSigner } from '../holder/index.ts';
import type { IdentityQuery } from './request.ts';

/** What answering an identity query discloses, shown to the volunteer before they answer. */
export interface IdentityDisclosure {
  /** The DCQL query id the SD-JWT VC answers. */
  queryId: string;
  /** The claims and their values, exactly as the verifier will read them (`name`, `iin`). */
  claims: { claim: DisclosableClaim; value: string }[];
  /** The credential whose SD-JWT VC answers; null when no credential of the passport carries what is asked. */
  credentialId: string | null;
  /** The name of its activity, to say where the disclosed values come from. */
  activityName: LocalizedText | null;
  /** What is asked that no SD-JWT VC of the passport carries. */
  missing: DisclosableClaim[];
}

interface Chosen {
  checked: CheckedCredential;
  /** The SD-JWT VC, opened, with all its disclosures. */
  sdJwt: string;
  claims: Record<string, unknown>;
}

/**
 * The SD-JWT VC that answers an identity query: one of the volunteer's, of a type the query
 * takes, carrying every claim it asks; a valid one first, one of those the volunteer chose for
 * the activities next. What it discloses is the asked claims and nothing more.
 */
export async function identityDisclosure(
  query: IdentityQuery,
  credentials: CheckedCredential[],
  box: SecretBox,
  chosenIds: readonly string[] = [],
): Promise<{ disclosure: IdentityDisclosure; chosen?: Chosen }> {
  const asked = askedClaims(query);
  const candidates: (Chosen & { rank: number })[] = [];
  const carried = new Set<string>();
  for (const c of credentials) {
    if (!c.stored.sdJwt) continue;
    const text = box.open(c.stored.sdJwt.sealed).toString('utf8');
    const sd = await readSdJwt(text).catch(() => undefined);
    if (!sd || (query.vctValues.length && !query.vctValues.includes(String(sd.payload.vct)))) continue;
    for (const claim of asked) if (typeof sd.claims[claim] === 'string') carried.add(claim);
    if (!asked.every((claim) => typeof sd.claims[claim] === 'string')) continue;
    candidates.push({ checked: c, sdJwt: text, claims: sd.claims, rank: (c.report.status === 'valid' ? 0 : 2) + (chosenIds.includes(c.stored.id) ? 0 : 1) });
  }
  const best = candidates.sort((a, b) => a.rank - b.rank)[0];
  return {
    disclosure: {
      queryId: query.id,
      claims: best ? asked.map((claim) => ({ claim, value: String(best.claims[claim]) })) : [],
      credentialId: best?.checked.stored.id ?? null,
      activityName: best?.checked.stored.credential.credentialSubject.activity.name ?? null,
      missing: asked.filter((claim) => !carried.has(claim)),
    },
    ...(best ? { chosen: { checked: best.checked, sdJwt: best.sdJwt, claims: best.claims } } : {}),
  };
}

/** The selectively disclosable claims a query asks for; the activity is always in the clear. */
export function askedClaims(query: IdentityQuery): DisclosableClaim[] {
  return DISCLOSABLE_CLAIMS.filter((c) => query.claims.includes(c));
}

/**
 * The SD-JWT VC as presented (RFC 9901, section 4): the issuer-signed JWT, the disclosures of the
 * asked claims only, and a Key Binding JWT signed with the volunteer's key, bound to the
 * verifier's nonce and client_id and to this exact selection (`sd_hash`). Made by the SD-JWT library.
 */
export async function presentIdentity(
  sdJwt: string,
  claims: readonly DisclosableClaim[],
  signer: HolderSigner,
  binding: { nonce: string; audience: string; now: Date },
): Promise<string> {
  const instance = new SDJwtVcInstance({
    hasher: sdJwtHasher,
    saltGenerator: sdJwtSalt,
    kbSignAlg: 'EdDSA',
    kbSigner: (data: string) => sign(null, Buffer.from(data, 'utf8'), signer.key).toString('base64url'),
  });
  const frame = Object.fromEntries(claims.map((c) => [c, true]));
  return instance.present(sdJwt, frame, { kb: { payload: { iat: Math.floor(binding.now.getTime() / 1000), aud: binding.audience, nonce: binding.nonce } } });
}
