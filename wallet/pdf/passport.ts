import type { Language } from '../../shared/credential/index.ts';
import { qrPng } from '../../shared/qr.ts';
import type { Volunteer } from '../accounts/index.ts';
import { checkedCredentials, credentialView } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';
import { shareCredentials, verifyUrl } from '../shares/index.ts';
import { summarize } from '../totals/index.ts';
import { renderPassportPdf } from './render.ts';

/** The printed passport's QR works this long; long enough to hand a printout around. */
export const PDF_SHARE_DAYS = 90;

/**
 * The printable passport: who the volunteer is, the verified totals, every credential with its
 * status now, and the QR of a fresh share link of the valid credentials, which opens the verifier.
 */
export async function passportPdf(deps: WalletDeps, volunteer: Volunteer, lang: Language): Promise<Buffer> {
  const checked = await checkedCredentials(deps, volunteer.id);
  const validIds = checked.filter((c) => c.report.status === 'valid').map((c) => c.stored.id);
  let share = null;
  if (validIds.length) {
    const made = await shareCredentials(deps, volunteer, validIds, PDF_SHARE_DAYS);
    const link = verifyUrl(deps.config, made.url);
    share = { url: made.url, verifyUrl: link, expiresAt: made.expiresAt, qr: await qrPng(link, 340) };
  }
  return renderPassportPdf({
    lang,
    holderName: checked.map((c) => c.stored.credential.credentialSubject.name).find((n): n is string => Boolean(n)) ?? null,
    login: volunteer.login,
    did: volunteer.did,
    printedAt: deps.now(),
    totals: summarize(checked),
    credentials: checked.map((c) => credentialView(c.stored, c.report)),
    share,
  });
}
