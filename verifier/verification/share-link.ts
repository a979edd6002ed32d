import { PassportError } from '../../shared/errors.ts';
import type { GuardedFetch } from '../../shared/net/index.ts';

/**
 * The presentation JWT behind a volunteer's share link, fetched through the guarded fetch (the
 * link came from outside: refused when it points at a private or loopback address). A deleted or
 * expired share, or an answer that is not a JWT, is `unprocessable`: there is nothing to verify.
 */
export async function fetchSharedPresentation(url: string, fetch: GuardedFetch): Promise<string> {
  const res = await fetch(url, { headers: { accept: 'application/jwt' } });
  if (res.status === 404 || res.status === 410) {
    throw new PassportError('unprocessable', `The share link answered ${res.status}: it has been deleted or has expired`, {
      field: 'url',
      extra: { shareStatus: res.status },
    });
  }
  if (res.status !== 200) throw new PassportError('fetch_failed', `The share link answered ${res.status}`, { field: 'url' });
  const jwt = res.text().trim();
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(jwt)) {
    throw new PassportError('unprocessable', 'The share link did not answer with a JWT (asked with Accept: application/jwt)', { field: 'url' });
  }
  return jwt;
}
