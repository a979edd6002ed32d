import { randomBytes } from 'node:crypto';
import type { ApiClient } from './http.ts';

export interface DemoPerson {
  unit: string;
  login: string;
  password: string;
}

/**
 * A person of the demo with a fresh password, through the API as an admin would do it: invited
 * (or, when a stopped earlier start made them already, given a new link) and the link accepted.
 */
export async function ensureDemoPerson(registry: ApiClient, person: { unit: string; login: string; name: string }): Promise<DemoPerson> {
  const password = randomBytes(12).toString('base64url');
  const { people } = await registry.json<{ people: { id: string; login?: string; email?: string }[] }>('GET', `/v1/staff?unit=${encodeURIComponent(person.unit)}`);
  const known = people.find((p) => p.login === person.login || p.email === person.login);
  const link = known
    ? await registry.json<{ invitationUrl: string }>('POST', `/v1/staff/${known.id}/reset`)
    : await registry.json<{ invitationUrl: string }>('POST', '/v1/staff/invitations', { unit: person.unit, role: 'admin', name: person.name, email: person.login });
  const token = new URL(link.invitationUrl).hash.slice(1);
  await registry.withoutToken().json('POST', `/v1/staff/invitations/${encodeURIComponent(token)}/accept`, { login: person.login, password });
  return { unit: person.unit, login: person.login, password };
}
