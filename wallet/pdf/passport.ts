import type { Language } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { Volunteer } from '../accounts/index.ts';
import { checkedCredentials, credentialView } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';
import { findShare, listShares, type ShareView } from '../shares/index.ts';
import { summarize } from '../totals/index.ts';
import { renderPassportPdf } from './render.ts';

/**
 * The printable passport: who the volunteer is, the verified totals, every credential with its
 * status now, and the QR of a share link the volunteer made (`shareId`, or else their newest
 * live one). Printing creates nothing: a GET that any page can trigger must not mint public
 * links, so with no live share the PDF says how to make one and carries no QR.
 */
export async function passportPdf(deps: WalletDeps, volunteer: Volunteer, lang: Language, shareId?: string): Promise<Buffer> {
  const checked = await checkedCredentials(deps, volunteer.id);
  const chosen = await chosenShare(deps, volunteer.id, shareId);
  const share = chosen
    ? { url: chosen.url, verifyUrl: chosen.verifyUrl, expiresAt: chosen.expiresAt, credentialCount: chosen.credentialIds.length }
    : null;
  return renderPassportPdf({
    lang,
    // The profile name the volunteer set, else the name the organizations wrote in the credentials; never the login.
    holderName: volunteer.name ?? checked.map((c) => c.stored.credential.credentialSubject.name).find((n): n is string => Boolean(n)) ?? null,
    did: volunteer.did,
    printedAt: deps.now(),
    totals: summarize(checked),
    credentials: checked.map((c) => credentialView(c.stored, c.report)),
    share,
  });
}

/** The named share (404 if not the volunteer's, 410 once expired), or the newest live one, or none. */
async function chosenShare(deps: WalletDeps, accountId: string, shareId: string | undefined): Promise<ShareView | undefined> {
  if (shareId === undefined) return (await listShares(deps, accountId)).find((s) => !s.expired);
  const share = await findShare(deps, accountId, shareId);
  if (share.expired) throw new PassportError('gone', `The share ${shareId} expired at ${share.expiresAt}; choose a live one`, { field: 'shareId' });
  return share;
}
