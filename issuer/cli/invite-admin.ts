import { parseArgs } from 'node:util';
import { loadConfig } from '../../shared/config.ts';
import { openDatabase } from '../../shared/db/index.ts';
import { parseInput } from '../../shared/http/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { ISSUER_MIGRATIONS } from '../app.ts';
import { InvitationInput, invitePerson } from '../staff/invite.ts';

const USAGE = 'Usage: npm run issuer -- invite-admin [--name "Full Name"] [--email person@example.kz]';

/**
 * `npm run issuer -- invite-admin`: on a fresh deployment, an invitation link for the national
 * registry's first admin, made with the same operation as `POST /v1/staff/invitations` called
 * with PASSPORT_ADMIN_TOKEN. Whoever can run this can read the admin token anyway.
 */
export async function inviteAdminCommand(argv: string[]): Promise<number> {
  let values: { name?: string; email?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { name: { type: 'string' }, email: { type: 'string' } }, strict: true }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase({ name: 'issuer', dataDir: config.dataDir, databaseUrl: config.databaseUrl, migrations: ISSUER_MIGRATIONS });
  try {
    const input = parseInput(InvitationInput, { unit: 'registry', role: 'admin', name: values.name ?? 'Registry admin', ...(values.email ? { email: values.email } : {}) });
    const link = await invitePerson({ config, db, now: () => new Date() }, { kind: 'registry' }, input);
    console.log(`Invitation for the registry's admin "${input.name}" (single use, until ${link.expiresAt}):\n${link.invitationUrl}`);
    return 0;
  } catch (err) {
    if (!(err instanceof PassportError)) throw err;
    console.error(`${err.detail}\n${USAGE}`);
    return 2;
  } finally {
    await db.close();
  }
}
