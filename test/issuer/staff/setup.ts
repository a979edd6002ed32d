import { expect } from 'vitest';
import { call, type Answer, type CallOptions } from '../../helpers/http.ts';
import { startService, type StartedService } from '../../helpers/services.ts';

/**
 * A started issuer and the steps every staff test takes through the API: open front offices,
 * accredit organizations, invite people, accept and sign in.
 */
export interface StaffContext {
  issuer: StartedService;
  admin: string;
  api(method: string, path: string, options?: CallOptions): Promise<Answer>;
  frontOffice(id: string, region: string): Promise<string>;
  organization(id: string, region: string, token?: string): Promise<{ apiKey: string; did: string }>;
  invite(token: string, unit: string, role: string, name?: string): Promise<{ status: number; body: any; link: string }>;
  accept(link: string, login: string, password?: string): Promise<Answer>;
  signIn(login: string, password?: string): Promise<string>;
  /** Invite, accept and sign in: a person of `unit` with `role`, and their session token. */
  person(inviter: string, unit: string, role: string, login: string): Promise<{ id: string; token: string }>;
}

export const PASSWORD = 'correct horse battery';

export async function startStaffIssuer(name: string, env: Record<string, string> = {}): Promise<StaffContext> {
  const admin = `registry-admin-token-${name}`;
  const issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: admin, PASSPORT_SECRET: `${name}-test-secret-0123456789abcdef`, ...env } });
  const api = (method: string, path: string, options?: CallOptions) => call(issuer.url, method, path, options);
  const ctx: StaffContext = {
    issuer,
    admin,
    api,
    async frontOffice(id, region) {
      const res = await api('POST', '/v1/front-offices', { token: admin, body: { id, name: { kk: `${id} kk`, ru: `${id} ru`, en: `${id} en` }, region } });
      expect(res.status, res.text).toBe(201);
      return res.body.apiKey;
    },
    async organization(id, region, token = admin) {
      const res = await api('POST', '/v1/organizations', { token, body: { id, name: { kk: `${id} kk`, ru: `${id} ru` }, region } });
      expect(res.status, res.text).toBe(201);
      return res.body;
    },
    async invite(token, unit, role, name = `Person of ${unit}`) {
      const res = await api('POST', '/v1/staff/invitations', { token, body: { unit, role, name } });
      return { status: res.status, body: res.body, link: res.status === 201 ? linkToken(res.body.invitationUrl) : '' };
    },
    accept(link, login, password = PASSWORD) {
      return api('POST', `/v1/staff/invitations/${link}/accept`, { body: { login, password } });
    },
    async signIn(login, password = PASSWORD) {
      const res = await api('POST', '/v1/staff/sessions', { body: { login, password } });
      expect(res.status, res.text).toBe(200);
      return res.body.token;
    },
    async person(inviter, unit, role, login) {
      const invited = await ctx.invite(inviter, unit, role, login.split('@')[0]);
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      const accepted = await ctx.accept(invited.link, login);
      expect(accepted.status, accepted.text).toBe(201);
      return { id: accepted.body.id, token: await ctx.signIn(login) };
    },
  };
  return ctx;
}

/** The token an invitation link carries in its fragment. */
export function linkToken(invitationUrl: string): string {
  const url = new URL(invitationUrl);
  expect(url.pathname).toBe('/invitation');
  return url.hash.slice(1);
}
