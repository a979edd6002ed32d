import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import type { GuardedFetch } from '../../shared/net/index.ts';
import { issuerJson, malformed } from './steps.ts';

export const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** A credential offer (OpenID4VCI 1.0, section 4.1.1), as far as the pre-authorized code flow needs it. */
const CredentialOfferSchema = z.object({
  credential_issuer: z.string().url(),
  credential_configuration_ids: z.array(z.string().min(1)).min(1),
  grants: z.object({
    [PRE_AUTHORIZED_GRANT]: z
      .object({
        'pre-authorized_code': z.string().min(1),
        tx_code: z.object({ input_mode: z.string().optional(), length: z.number().optional(), description: z.string().optional() }).optional(),
        authorization_server: z.string().url().optional(),
      })
      .optional(),
  }),
});

export type CredentialOffer = z.infer<typeof CredentialOfferSchema>;

export interface ParsedOfferLink {
  /** The offer itself, when the link carries it by value. */
  offer?: unknown;
  /** Where to fetch the offer, when the link carries it by reference. */
  offerUri?: string;
}

/**
 * Reads `openid-credential-offer://?credential_offer=…` or `…?credential_offer_uri=…`, and the
 * same parameters on an `https://` link (what a phone camera opens). `invalid_request` naming
 * `offerUri` when it is neither.
 */
export function parseOfferLink(link: string): ParsedOfferLink {
  const text = link.trim();
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1).split('#')[0]! : '';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (!scheme || !['openid-credential-offer', 'https', 'http'].includes(scheme)) {
    throw new PassportError('invalid_request', 'offerUri must be an openid-credential-offer:// or https:// link', { field: 'offerUri' });
  }
  const params = new URLSearchParams(query);
  const byValue = params.get('credential_offer');
  const byReference = params.get('credential_offer_uri');
  if (byValue && byReference) throw new PassportError('invalid_request', 'offerUri carries both credential_offer and credential_offer_uri', { field: 'offerUri' });
  if (byValue) {
    try {
      return { offer: JSON.parse(byValue) };
    } catch {
      throw new PassportError('invalid_request', 'offerUri: credential_offer is not JSON', { field: 'offerUri' });
    }
  }
  if (byReference) return { offerUri: byReference };
  throw new PassportError('invalid_request', 'offerUri carries neither credential_offer nor credential_offer_uri', { field: 'offerUri' });
}

/** The offer of a link: parsed, or fetched through the guarded fetch, then checked. */
export async function resolveOffer(fetch: GuardedFetch, link: ParsedOfferLink): Promise<CredentialOffer> {
  const raw = link.offerUri ? issuerJson<unknown>(await fetch(link.offerUri, { headers: { accept: 'application/json' } }), 'offer') : link.offer;
  const parsed = CredentialOfferSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw malformed('offer', `the offer is not a credential offer (${issue.path.join('.') || 'body'}: ${issue.message})`);
  }
  if (!parsed.data.grants[PRE_AUTHORIZED_GRANT]) {
    throw new PassportError('unprocessable', 'The offer has no pre-authorized code grant; this wallet claims offers of the pre-authorized code flow', {
      extra: { step: 'offer' },
    });
  }
  return parsed.data;
}
