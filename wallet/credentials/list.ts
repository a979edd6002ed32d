import type { WalletDeps } from '../deps.ts';
import { loadCredentials, type StoredCredential } from './load.ts';
import type { StatusReport } from './status.ts';
import { credentialView, type CredentialView } from './view.ts';

export interface CheckedCredential {
  stored: StoredCredential;
  report: StatusReport;
}

/** Every credential of the passport with its status checked now (signature, status list, trust list). */
export async function checkedCredentials(deps: Pick<WalletDeps, 'db' | 'status'>, accountId: string): Promise<CheckedCredential[]> {
  const stored = await loadCredentials(deps.db, accountId);
  return Promise.all(stored.map(async (s) => ({ stored: s, report: await deps.status.check(s) })));
}

export async function listCredentials(deps: Pick<WalletDeps, 'db' | 'status'>, accountId: string): Promise<CredentialView[]> {
  return (await checkedCredentials(deps, accountId)).map((c) => credentialView(c.stored, c.report));
}
