import type { Language } from '../../shared/credential/index.ts';
import { isLanguage } from '../../shared/i18n/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { audit } from '../audit/index.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';

export interface OrganizationSettings {
  /** The language of offer e-mails whose row names none; null: the deployment's `MAIL_LANGUAGE`. */
  mailLanguage: Language | null;
  /** What applies when `mailLanguage` is null. */
  defaultMailLanguage: Language;
}

/** The organization's own e-mail language, or undefined when it has chosen none. */
export async function organizationMailLanguage(q: Queryable, organizationId: string): Promise<Language | undefined> {
  const row = await q.get<{ mail_language: string | null }>('SELECT mail_language FROM organizations WHERE id = ?', [organizationId]);
  return isLanguage(row?.mail_language) ? row.mail_language : undefined;
}

export async function readSettings(deps: Pick<IssuerDeps, 'db' | 'config'>, organizationId: string): Promise<OrganizationSettings> {
  return { mailLanguage: (await organizationMailLanguage(deps.db, organizationId)) ?? null, defaultMailLanguage: deps.config.mailLanguage };
}

/** Sets the organization's e-mail language (null goes back to the deployment's), with an audit entry naming who. */
export async function changeSettings(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, organization: OrganizationActor, change: { mailLanguage: Language | null }): Promise<OrganizationSettings> {
  await deps.db.transaction(async (tx) => {
    const updated = await tx.run('UPDATE organizations SET mail_language = ? WHERE id = ?', [change.mailLanguage, organization.id]);
    if (updated.changes === 0) throw new PassportError('not_found', `No organization ${organization.id}`);
    await audit(tx, { at: deps.now(), actor: organization, action: 'organization.settings_changed', subject: organization.id, detail: { mailLanguage: change.mailLanguage } });
  });
  return readSettings(deps, organization.id);
}
