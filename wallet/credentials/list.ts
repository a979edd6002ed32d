import type { WalletDeps } from '../deps.ts';
import { checkAll } from './check-all.ts';
import { loadCredentials, type StoredCredential } from './load.ts';
import type { StatusReport } from './status.ts';
import { credentialView, type CredentialView } from './view.ts';

export interface CheckedCredential {
  stored: StoredCredential;
  report: StatusReport;
}

/**
 * Every credential of the passport with its status checked now (signature, status list, trust
 * list), a few at a time and within VERIFY_DEADLINE_SECONDS in all.
 */
export async function checkedCredentials(deps: Pick<WalletDeps, 'db' | 'status' | 'config'>, accountId: string): Promise<CheckedCredential[]> {
  const stored = await loadCredentials(deps.db, accountId);
  const reports = await checkAll(deps.status, stored, deps.config.verifyDeadlineSeconds * 1000);
  return stored.map((s, i) => ({ stored: s, report: reports[i]! }));
}

export async function listCredentials(deps: Pick<WalletDeps, 'db' | 'status' | 'config'>, accountId: string): Promise<CredentialView[]> {
  return (await checkedCredentials(deps, accountId)).map((c) => credentialView(c.stored, c.report));
}
