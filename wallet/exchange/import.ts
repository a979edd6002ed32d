import { Deadline, mapLimited } from '../../shared/async/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { Volunteer } from '../accounts/index.ts';
import { acceptCredential, rejectionOf, storeCredential, type DecodedCredential } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';
import { EXPORT_TYPE } from './export.ts';

export const MAX_IMPORTED = 1_000;

/** Credentials whose issuers are asked at once during an import. */
const CHECKS_AT_ONCE = 8;

export type ImportResult = { index: number; id: string; imported: true } | { index: number; id?: string; imported: false; reason: string; code: string };

type Checked = { index: number; credential: DecodedCredential } | Extract<ImportResult, { imported: false }>;

/**
 * Takes in an export file (or a plain JSON array of VC-JWTs). Every credential is checked as a
 * claimed one is (a VC-JWT, a VolunteerActivityCredential, about this passport's DID, signed by
 * its issuer, conforming to the schema) and answered one by one: taken, or refused with the reason.
 * The checks run a few at a time within WALLET_IMPORT_DEADLINE_SECONDS, so a file of credentials
 * from slow issuers does not hold the request for minutes: what was not checked by then is
 * refused with `deadline_exceeded` and can be imported again. Credentials are stored in the order
 * of the file; one already in the passport is reported as a duplicate, never stored twice.
 */
export async function importPassport(deps: WalletDeps, volunteer: Volunteer, body: unknown): Promise<ImportResult[]> {
  const jwts = credentialsOf(body);
  const deadline = new Deadline(deps.config.walletImportDeadlineSeconds * 1000);
  let checked: Checked[];
  try {
    checked = await mapLimited(jwts, CHECKS_AT_ONCE, (item, index) => check(deps, volunteer, item, index, deadline));
  } finally {
    deadline.clear();
  }
  const results: ImportResult[] = [];
  for (const c of checked) {
    if (!('credential' in c)) {
      results.push(c);
      continue;
    }
    try {
      await storeCredential(deps.db, volunteer.id, c.credential, 'import', deps.now());
      results.push({ index: c.index, id: c.credential.id, imported: true });
    } catch (err) {
      results.push({ index: c.index, id: c.credential.id, imported: false, reason: (err as Error).message, code: rejectionOf(err) ?? 'duplicate' });
    }
  }
  return results;
}

async function check(deps: WalletDeps, volunteer: Volunteer, item: unknown, index: number, deadline: Deadline): Promise<Checked> {
  if (typeof item !== 'string') return { index, imported: false, reason: 'Not a VC-JWT string', code: 'invalid_format' };
  if (deadline.hasPassed) return notInTime(index, deadline);
  try {
    return { index, credential: await deadline.race(acceptCredential(item, volunteer.did, deps), 'The issuer') };
  } catch (err) {
    if (!(err instanceof PassportError)) throw err;
    if (deadline.hasPassed && !rejectionOf(err)) return notInTime(index, deadline);
    return { index, imported: false, reason: err.detail, code: rejectionOf(err) ?? err.code };
  }
}

function notInTime(index: number, deadline: Deadline): Checked {
  return { index, imported: false, reason: `Not checked within the import's ${deadline.ms / 1000} s: import it again`, code: 'deadline_exceeded' };
}

function credentialsOf(body: unknown): unknown[] {
  const list = Array.isArray(body) ? body : isExport(body) ? body.credentials : undefined;
  if (!list) {
    throw new PassportError('invalid_request', `The body must be a ${EXPORT_TYPE} file ({ type, version, holder, credentials }) or a JSON array of VC-JWTs`, {
      field: 'credentials',
    });
  }
  if (list.length > MAX_IMPORTED) throw new PassportError('invalid_request', `At most ${MAX_IMPORTED} credentials can be imported at once`, { field: 'credentials' });
  return list;
}

function isExport(body: unknown): body is { credentials: unknown[] } {
  const b = body as { type?: unknown; credentials?: unknown } | null;
  return typeof b === 'object' && b !== null && b.type === EXPORT_TYPE && Array.isArray(b.credentials);
}
