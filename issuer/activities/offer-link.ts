import { hashToken, randomId, type SecretBox } from '../../shared/crypto/index.ts';

/** How long a printed offer stays claimable. Each fetch of it mints a short-lived code instead. */
export const OFFER_LIFETIME_DAYS = 90;

export interface OfferLink {
  /** The secret part of the offer URL; whoever holds it may claim the credential. */
  token: string;
  /** How the token is looked up. */
  hash: string;
  /** How the token is kept, so its organization can show the offer again (sealed with PASSPORT_SECRET). */
  sealed: string;
}

export function newOfferLink(box: SecretBox): OfferLink {
  const token = randomId(24);
  return { token, hash: hashToken(token), sealed: box.seal(Buffer.from(token)) };
}

/** The credential offer's own URL: `{ISSUER_URL}/oid4vci/offers/{token}`. */
export function credentialOfferUrl(issuerUrl: string, token: string): string {
  return `${issuerUrl}/oid4vci/offers/${token}`;
}

/** The offer by reference, as a wallet scans it (OpenID4VCI 1.0, section 4.1.3). */
export function offerUri(issuerUrl: string, token: string): string {
  return `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(credentialOfferUrl(issuerUrl, token))}`;
}

export function openOfferToken(box: SecretBox, sealed: string): string {
  return box.open(sealed).toString('utf8');
}

/**
 * What an ordinary phone camera opens: the wallet's claim page with the offer filled in
 * (`{WALLET_URL}/claim?offer=…`). Cards, e-mails and every activity answer carry it.
 */
export function claimUrl(walletUrl: string, offer: string): string {
  return `${walletUrl}/claim?offer=${encodeURIComponent(offer)}`;
}
