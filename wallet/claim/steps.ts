import { PassportError } from '../../shared/errors.ts';
import type { GuardedResponse } from '../../shared/net/index.ts';
import { redactSecrets } from '../../shared/redact.ts';

/** The steps of OpenID4VCI's pre-authorized code flow, named in every error so a volunteer (or support) knows where it stopped. */
export type ClaimStep = 'offer' | 'issuer_metadata' | 'authorization_server_metadata' | 'token' | 'nonce' | 'credential' | 'verification' | 'storage';

const LABEL: Record<ClaimStep, string> = {
  offer: 'Reading the credential offer',
  issuer_metadata: "Reading the issuer's metadata",
  authorization_server_metadata: "Reading the authorization server's metadata",
  token: 'Exchanging the pre-authorized code for an access token',
  nonce: 'Getting a nonce from the issuer',
  credential: 'Requesting the credential',
  verification: 'Checking the received credential',
  storage: 'Storing the credential',
};

/**
 * Runs one step and says which one failed: a URL we refuse to fetch is the offer's fault (400
 * `fetch_refused`), an issuer that cannot be reached or answers nonsense is 502
 * `upstream_unavailable`; our own `PassportError`s keep their code and gain the step.
 */
export async function atStep<T>(step: ClaimStep, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof PassportError)) throw err;
    if (err.extra?.step) throw err;
    const code = err.code === 'fetch_failed' ? 'upstream_unavailable' : err.code;
    throw new PassportError(code, `${LABEL[step]} failed: ${err.detail}`, {
      ...(err.field ? { field: err.field } : {}),
      status: err.code === 'fetch_failed' ? 502 : err.status,
      extra: { ...err.extra, step },
      cause: err,
    });
  }
}

/** The JSON body of a 2xx answer; an OAuth error answer becomes a problem naming the issuer's `error`. */
export function issuerJson<T>(res: GuardedResponse, step: ClaimStep): T {
  if (res.status >= 200 && res.status < 300) {
    try {
      return JSON.parse(res.text()) as T;
    } catch {
      throw new PassportError('upstream_unavailable', `${LABEL[step]} failed: ${redactSecrets(res.url)} did not answer JSON`, { extra: { step } });
    }
  }
  const oauth = oauthError(res);
  const said = oauth ? `${oauth.error}${oauth.description ? `: ${oauth.description}` : ''}` : `HTTP ${res.status}`;
  if (res.status >= 400 && res.status < 500) {
    throw new PassportError('unprocessable', `${LABEL[step]} failed: the issuer refused (${said})`, {
      extra: { step, issuerStatus: res.status, ...(oauth ? { issuerError: oauth.error } : {}) },
    });
  }
  throw new PassportError('upstream_unavailable', `${LABEL[step]} failed: the issuer answered ${said}`, { extra: { step, issuerStatus: res.status } });
}

export function oauthError(res: GuardedResponse): { error: string; description?: string } | undefined {
  try {
    const body = JSON.parse(res.text()) as { error?: unknown; error_description?: unknown; detail?: unknown };
    if (typeof body.error !== 'string') return undefined;
    const description = typeof body.error_description === 'string' ? body.error_description : typeof body.detail === 'string' ? body.detail : undefined;
    return { error: body.error, ...(description ? { description: description.slice(0, 300) } : {}) };
  } catch {
    return undefined;
  }
}

export function malformed(step: ClaimStep, detail: string): PassportError {
  return new PassportError('upstream_unavailable', `${LABEL[step]} failed: ${detail}`, { extra: { step } });
}
