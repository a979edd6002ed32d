import { Router, type Request } from 'express';
import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { createSignInLimit } from '../../shared/auth/index.ts';
import { bearerToken, clientAddress, loginCsrfGuard, parseInput } from '../../shared/http/index.ts';
import { cookie } from '../../shared/i18n/index.ts';
import { callerOf, staffOf } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { AcceptanceInput, acceptInvitation } from './accept.ts';
import { clearStaffCookie, setStaffCookie } from './cookie.ts';
import { unitField } from './fields.ts';
import { viewInvitation } from './invitation-view.ts';
import { InvitationInput, invitePerson } from './invite.ts';
import { removePerson, resetPerson } from './manage.ts';
import { whoAmI } from './me.ts';
import { PasswordChangeInput, changePassword } from './password.ts';
import { listPeople } from './people.ts';
import { STAFF_COOKIE } from './session-actor.ts';
import { endSession, signIn } from './sign-in.ts';

const PeopleQuery = z.object({ unit: unitField.optional() });
const NO_STORE = { 'cache-control': 'no-store' };

/**
 * People of the units: invitations, sign-in and out, one's own password, and the admins' list,
 * reset and removal of people. Mounted after `authenticate`.
 */
export function createStaffRouter(deps: IssuerDeps): Router {
  const router = Router();
  const limit = createSignInLimit({ db: deps.db, now: deps.now });
  // JSON only and not from another site's page: a cross-site form must not sign a victim in as the attacker.
  const sessionStart = loginCsrfGuard({ publicUrl: deps.config.issuerUrl });

  router.post('/v1/staff/invitations', async (req, res) => {
    const actor = callerOf(res);
    const input = parseInput(InvitationInput, req.body);
    const { id, staffId, invitationUrl, expiresAt } = await invitePerson(deps, actor, input);
    res.status(201).set(NO_STORE).json({ id, staffId, invitationUrl, expiresAt });
  });

  router.get('/v1/staff/invitations/:token', async (req, res) => {
    res.set(NO_STORE).json(await viewInvitation(deps, req.params.token));
  });

  router.post('/v1/staff/invitations/:token/accept', sessionStart, async (req, res) => {
    const input = parseInput(AcceptanceInput, req.body);
    res.status(201).json(await acceptInvitation(deps, String(req.params.token), input));
  });

  router.post('/v1/staff/sessions', sessionStart, async (req, res) => {
    const session = await signIn(deps, limit, req.body, clientAddress(req));
    setStaffCookie(res, deps.config, session.token);
    res.set(NO_STORE).json(session);
  });

  router.delete('/v1/staff/sessions/current', async (req, res) => {
    if (!staffOf(callerOf(res))) throw new PassportError('forbidden', 'Only a console session can be signed out');
    await endSession(deps, sessionToken(req)!);
    clearStaffCookie(res, deps.config);
    res.status(204).end();
  });

  router.get('/v1/staff/me', async (req, res) => {
    res.set(NO_STORE).json(await whoAmI(deps, callerOf(res)));
  });

  router.post('/v1/staff/me/password', async (req, res) => {
    const actor = callerOf(res);
    const input = parseInput(PasswordChangeInput, req.body);
    await changePassword(deps, actor, sessionToken(req)!, input);
    res.status(204).end();
  });

  router.get('/v1/staff', async (req, res) => {
    const query = parseInput(PeopleQuery, { ...req.query });
    res.set(NO_STORE).json({ people: await listPeople(deps, callerOf(res), query.unit) });
  });

  router.delete('/v1/staff/:id', async (req, res) => {
    await removePerson(deps, callerOf(res), req.params.id);
    res.status(204).end();
  });

  router.post('/v1/staff/:id/reset', async (req, res) => {
    res.status(201).set(NO_STORE).json(await resetPerson(deps, callerOf(res), req.params.id));
  });

  return router;
}

function sessionToken(req: Request): string | undefined {
  return bearerToken(req) ?? cookie(req, STAFF_COOKIE);
}
