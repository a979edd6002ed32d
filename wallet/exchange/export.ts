import type { Volunteer } from '../accounts/index.ts';
import { loadCredentials } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';

export const EXPORT_TYPE = 'VolunteerPassportExport';

/** The export file: plain VC-JWTs as issued, which any wallet that reads VC-JWTs can take in. */
export interface PassportExport {
  type: typeof EXPORT_TYPE;
  version: 1;
  holder: string;
  exportedAt: string;
  credentials: string[];
}

export async function exportPassport(deps: Pick<WalletDeps, 'db' | 'now'>, volunteer: Volunteer): Promise<PassportExport> {
  const credentials = await loadCredentials(deps.db, volunteer.id);
  return { type: EXPORT_TYPE, version: 1, holder: volunteer.did, exportedAt: deps.now().toISOString(), credentials: credentials.map((c) => c.jwt) };
}
