import { Router } from 'express';
import { z } from 'zod';
import { AnyPasswordSchema, createSignInLimit, createSignUpLimit } from '../../shared/auth/index.ts';
import { clientAddress, loginCsrfGuard, parseInput } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, sessionToken, volunteerOf } from '../sessions/authenticate.ts';
import { clearSessionCookie } from '../sessions/cookie.ts';
import { changePassword } from './change-password.ts';
import { confirmPassword } from './confirm.ts';
import { createAccount } from './create.ts';
import { deleteAccount } from './delete.ts';
import { accountView, setProfile } from './profile.ts';
import { recoverAccount } from './recover.ts';
import { replaceRecoveryCodes } from './recovery-codes.ts';

const ConfirmSchema = z.object({ password: AnyPasswordSchema }).strict();

export function createAccountsRouter(deps: WalletDeps): Router {
  const router = Router();
  const signUps = createSignUpLimit({ db: deps.db, now: deps.now });
  // The same counters as sign-in: recovery codes and re-typed passwords are guessed no faster than sign-ins.
  const signIns = createSignInLimit({ db: deps.db, now: deps.now });
  const loginGuard = loginCsrfGuard({ publicUrl: deps.config.walletUrl });
  // JSON only and not from another site's page: a cross-site form must not open an account in the victim's browser.
  router.post('/v1/accounts', loginGuard, async (req, res) => {
    res.status(201).set('cache-control', 'no-store').json(await createAccount(deps, req.body, { signUps, client: clientAddress(req) }));
  });
  router.post('/v1/account/recover', loginGuard, async (req, res) => {
    res.set('cache-control', 'no-store').json(await recoverAccount(deps, signIns, req.body, clientAddress(req)));
  });
  router.get('/v1/account', requireVolunteer(deps), async (_req, res) => {
    res.set('cache-control', 'no-store').json(await accountView(deps, volunteerOf(res)));
  });
  router.put('/v1/account/profile', requireVolunteer(deps), async (req, res) => {
    res.set('cache-control', 'no-store').json(await setProfile(deps, volunteerOf(res), req.body));
  });
  router.post('/v1/account/password', requireVolunteer(deps), async (req, res) => {
    await changePassword(deps, signIns, volunteerOf(res), req.body, { client: clientAddress(req), sessionToken: sessionToken(req)!.token });
    res.status(204).end();
  });
  router.post('/v1/account/recovery-codes', requireVolunteer(deps), async (req, res) => {
    const volunteer = volunteerOf(res);
    const input = parseInput(ConfirmSchema, req.body);
    await confirmPassword(deps.db, signIns, volunteer, input.password, clientAddress(req));
    res.status(201).set('cache-control', 'no-store').json({ recoveryCodes: await replaceRecoveryCodes(deps.db, volunteer.id, deps.now()) });
  });
  router.delete('/v1/account', requireVolunteer(deps), async (req, res) => {
    await deleteAccount(deps, signIns, volunteerOf(res), req.body, clientAddress(req));
    clearSessionCookie(res, deps.config);
    res.status(204).end();
  });
  return router;
}
