import { PassportError } from '../../shared/errors.ts';
import type { Volunteer } from '../accounts/index.ts';
import { acceptCredential, rejectionOf, storeCredential } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';
import { EXPORT_TYPE } from './export.ts';

export const MAX_IMPORTED = 1_000;

export type ImportResult = { index: number; id: string; imported: true } | { index: number; id?: string; imported: false; reason: string; code: string };

/**
 * Takes in an export file (or a plain JSON array of VC-JWTs). Every credential is checked as a
 * claimed one is (a VC-JWT, a VolunteerActivityCredential, about this passport's DID, signed by
 * its issuer, conforming to the schema) and answered one by one: taken, or refused with the reason.
 * A credential already in the passport is reported as a duplicate, never stored twice.
 */
export async function importPassport(deps: WalletDeps, volunteer: Volunteer, body: unknown): Promise<ImportResult[]> {
  const jwts = credentialsOf(body);
  const results: ImportResult[] = [];
  for (const [index, item] of jwts.entries()) {
    if (typeof item !== 'string') {
      results.push({ index, imported: false, reason: 'Not a VC-JWT string', code: 'invalid_format' });
      continue;
    }
    try {
      const credential = await acceptCredential(item, volunteer.did, deps);
      try {
        await storeCredential(deps.db, volunteer.id, credential, 'import', deps.now());
        results.push({ index, id: credential.id, imported: true });
      } catch (err) {
        results.push({ index, id: credential.id, imported: false, reason: (err as Error).message, code: rejectionOf(err) ?? 'duplicate' });
      }
    } catch (err) {
      if (!(err instanceof PassportError)) throw err;
      results.push({ index, imported: false, reason: err.detail, code: rejectionOf(err) ?? err.code });
    }
  }
  return results;
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
