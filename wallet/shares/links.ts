import type { Config } from '../../shared/config.ts';

/** The public link of a share: `{WALLET_URL}/p/{token}` (contracts.md). */
export function shareUrl(config: Pick<Config, 'walletUrl'>, token: string): string {
  return `${config.walletUrl}/p/${token}`;
}

/** What a phone camera should open: the verifier's result page for this link (contracts.md). */
export function verifyUrl(config: Pick<Config, 'verifierUrl'>, link: string): string {
  return `${config.verifierUrl}/verify?presentation=${encodeURIComponent(link)}`;
}

export function shareQrUrl(config: Pick<Config, 'walletUrl'>, id: string): string {
  return `${config.walletUrl}/v1/shares/${id}/qr.png`;
}
