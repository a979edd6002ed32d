import { PassportError } from '../../shared/errors.ts';
import type { GuardedResponse } from '../../shared/net/index.ts';
import type { Volunteer } from '../accounts/volunteer.ts';
import { credentialOf } from '../claim/credential-request.ts';
import { acceptCredential } from '../credentials/accept.ts';
import { storeCredential } from '../credentials/store.ts';
import type { WalletDeps } from '../deps.ts';
import { CHECK_IN_COLUMNS, checkInBox, checkInView, openSecrets, type CheckInRow, type CheckInStatus, type CheckInView } from './view.ts';

/** Check-ins asked about in one refresh: a volunteer has a few at a time; more wait for the next. */
const PER_REFRESH = 20;

type Outcome = { status: 'waiting'; interval?: number } | { status: 'issued'; jwt: string } | { status: Exclude<CheckInStatus, 'waiting' | 'issued'>; reason?: string };

/**
 * Asks the Deferred Credential Endpoint (OpenID4VCI 1.0, section 9) about every waiting check-in
 * of the volunteer: a credential that is ready is checked (signature, subject = this volunteer's
 * key) and stored; a declined, cancelled or expired one is marked so with the issuer's reason. An
 * issuer that cannot be reached leaves the check-in waiting for the next refresh.
 */
export async function refreshCheckIns(deps: WalletDeps, volunteer: Volunteer): Promise<{ checkIns: CheckInView[] }> {
  const waiting = await deps.db.all<CheckInRow>(
    `SELECT ${CHECK_IN_COLUMNS} FROM check_ins WHERE account_id = ? AND status = 'waiting' ORDER BY polled_at, checked_in_at LIMIT ${PER_REFRESH}`,
    [volunteer.id],
  );
  const box = checkInBox(deps.config.passportSecret);
  for (const row of waiting) {
    const outcome = await ask(deps, row, openSecrets(box, row.sealed)).catch((err: unknown) => {
      deps.logger.warn({ issuer: row.issuer, code: (err as PassportError).code }, 'a deferred credential could not be fetched');
      return { status: 'waiting' } as Outcome;
    });
    await settle(deps, volunteer, row, outcome);
  }
  return listCheckIns(deps, volunteer);
}

export async function listCheckIns(deps: Pick<WalletDeps, 'db'>, volunteer: Volunteer): Promise<{ checkIns: CheckInView[] }> {
  const rows = await deps.db.all<CheckInRow>(`SELECT ${CHECK_IN_COLUMNS} FROM check_ins WHERE account_id = ? ORDER BY checked_in_at DESC, id`, [volunteer.id]);
  return { checkIns: rows.map(checkInView) };
}

async function ask(deps: WalletDeps, row: CheckInRow, secrets: { accessToken: string; transactionId: string }): Promise<Outcome> {
  const res = await deps.fetch(row.deferred_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${secrets.accessToken}` },
    body: JSON.stringify({ transaction_id: secrets.transactionId }),
  });
  const body = parse(res);
  if (res.status === 202) return { status: 'waiting', ...(typeof body.interval === 'number' ? { interval: body.interval } : {}) };
  if (res.status === 200) {
    const jwt = credentialOf(body);
    if (!jwt) throw new PassportError('upstream_unavailable', 'The deferred credential response carries no credential');
    return { status: 'issued', jwt };
  }
  const said = typeof body.check_in_status === 'string' ? body.check_in_status : undefined;
  const reason = typeof body.reason === 'string' ? body.reason.slice(0, 500) : undefined;
  if (body.error === 'credential_request_denied') return { status: 'declined', ...(reason ? { reason } : {}) };
  if (body.error === 'invalid_transaction_id') return { status: said === 'cancelled' ? 'cancelled' : 'expired' };
  throw new PassportError('upstream_unavailable', `The deferred credential endpoint answered HTTP ${res.status}`);
}

function parse(res: GuardedResponse): Record<string, unknown> {
  try {
    const body = JSON.parse(res.text()) as unknown;
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function settle(deps: WalletDeps, volunteer: Volunteer, row: CheckInRow, outcome: Outcome): Promise<void> {
  const now = deps.now();
  const at = now.toISOString();
  if (outcome.status === 'waiting') {
    await deps.db.run('UPDATE check_ins SET polled_at = ?, interval_seconds = ? WHERE id = ?', [at, Math.round(outcome.interval ?? row.interval_seconds), row.id]);
    return;
  }
  if (outcome.status !== 'issued') {
    await deps.db.run("UPDATE check_ins SET status = ?, reason = ?, polled_at = ?, updated_at = ? WHERE id = ? AND status = 'waiting'", [outcome.status, outcome.reason ?? null, at, at, row.id]);
    return;
  }
  const credential = await acceptCredential(outcome.jwt, volunteer.did, deps).catch((err: unknown) => {
    deps.logger.warn({ issuer: row.issuer, code: (err as PassportError).code }, 'a deferred credential was refused');
    return undefined;
  });
  if (!credential) return;
  await deps.db.transaction(async (tx) => {
    await storeCredential(tx, volunteer.id, credential, 'claim', now).catch((err: unknown) => {
      // Fetched before (a response lost on the way back): the passport holds it already.
      if (!(err instanceof PassportError && err.code === 'conflict')) throw err;
    });
    await tx.run("UPDATE check_ins SET status = 'issued', credential_id = ?, polled_at = ?, updated_at = ? WHERE id = ?", [credential.id, at, at, row.id]);
  });
}
