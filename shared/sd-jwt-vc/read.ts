import { SDJwt } from '@sd-jwt/core';
import { PassportError } from '../errors.ts';
import { sdJwtHasher } from './hasher.ts';

/** An SD-JWT (a credential, or a presentation ending with its Key Binding JWT), read but not yet believed. */
export interface SdJwtUnderTest {
  /** The issuer-signed JWT, compact. */
  issuerJwt: string;
  header: Record<string, unknown>;
  /** The payload as signed: digests (`_sd`) in place of what is selectively disclosable. */
  payload: Record<string, unknown>;
  /** The payload with the disclosed claims in their places and the digests taken out. */
  claims: Record<string, unknown>;
  /** The names of the claims this text discloses. */
  disclosed: string[];
  /** The Key Binding JWT, compact, when the text ends with one. */
  kbJwt: string | undefined;
  /** What a Key Binding JWT's `sd_hash` covers: the issuer-signed JWT and the disclosures, each followed by `~`. */
  withoutKb: string;
  /** Rules of RFC 9901 the text breaks that the library lets through (a disclosure its payload does not name). */
  problems: string[];
}

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+~([A-Za-z0-9_-]+~)*([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)?$/;

/**
 * Reads an SD-JWT in its compact form with the SD-JWT library (`@sd-jwt/core`): it decodes the
 * issuer-signed JWT, the disclosures with their digests, and the Key Binding JWT, and puts the
 * disclosed claims back in their places. Nothing is verified here; signatures are for the caller.
 * Throws `invalid_request` when the text is not an SD-JWT at all.
 *
 * @example
 * const sd = await readSdJwt(presentation);
 * sd.claims.iin; // only when disclosed, and only believed once every check has passed
 */
export async function readSdJwt(text: string): Promise<SdJwtUnderTest> {
  const compact = typeof text === 'string' ? text.trim() : '';
  if (!COMPACT.test(compact)) throw new PassportError('invalid_request', 'Not an SD-JWT (an issuer-signed JWT, then disclosures, each followed by ~, then an optional Key Binding JWT)');
  let sdjwt: SDJwt;
  let claims: Record<string, unknown>;
  try {
    sdjwt = await SDJwt.fromEncode(compact, sdJwtHasher);
    claims = await sdjwt.getClaims<Record<string, unknown>>(sdJwtHasher);
  } catch (cause) {
    throw new PassportError('invalid_request', `The SD-JWT cannot be read: ${(cause as Error).message}`, { cause });
  }
  const payload = (sdjwt.jwt?.payload ?? {}) as Record<string, unknown>;
  const disclosures = sdjwt.disclosures ?? [];
  const kbStart = compact.lastIndexOf('~') + 1;
  return {
    issuerJwt: compact.slice(0, compact.indexOf('~')),
    header: (sdjwt.jwt?.header ?? {}) as Record<string, unknown>,
    payload,
    claims,
    disclosed: disclosures.flatMap((d) => (d.key !== undefined ? [d.key] : [])),
    kbJwt: kbStart < compact.length ? compact.slice(kbStart) : undefined,
    withoutKb: compact.slice(0, kbStart),
    problems: disclosureProblems(payload, disclosures.map((d) => ({ digest: d._digest ?? '', value: d.value }))),
  };
}

/**
 * Every disclosure must be named by a digest in the payload, or inside another disclosure it
 * names, and no digest twice (RFC 9901, section 7.1, steps 3–4). The library skips a disclosure it
 * cannot place; a verifier must refuse it: a changed disclosure has a digest nobody signed.
 */
function disclosureProblems(payload: Record<string, unknown>, disclosures: { digest: string; value: unknown }[]): string[] {
  const problems: string[] = [];
  const named = new Map<string, number>();
  const collect = (value: unknown) => {
    for (const digest of digestsIn(value)) named.set(digest, (named.get(digest) ?? 0) + 1);
  };
  collect(payload);
  const seen = new Set<string>();
  let placed = true;
  // Disclosures may name further disclosures: walk until nothing new is placed.
  while (placed) {
    placed = false;
    for (const d of disclosures) {
      if (seen.has(d.digest) || !named.has(d.digest)) continue;
      seen.add(d.digest);
      collect(d.value);
      placed = true;
    }
  }
  const unplaced = disclosures.filter((d) => !seen.has(d.digest)).length;
  if (unplaced) problems.push(`${unplaced} disclosure(s) are not named by any digest the issuer signed`);
  if (new Set(disclosures.map((d) => d.digest)).size !== disclosures.length) problems.push('a disclosure is given more than once');
  if ([...named.values()].some((n) => n > 1)) problems.push('a digest appears more than once');
  return problems;
}

function digestsIn(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const ref = typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length === 1 ? (item as Record<string, unknown>)['...'] : undefined;
      return typeof ref === 'string' ? [ref] : digestsIn(item);
    });
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (key === '_sd' && Array.isArray(v) ? v.filter((d): d is string => typeof d === 'string') : digestsIn(v)));
}
