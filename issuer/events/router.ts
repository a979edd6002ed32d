import { Router } from 'express';
import { PassportError } from '../../shared/errors.ts';
import { bearerToken } from '../../shared/http/index.ts';
import { qrPng } from '../../shared/qr.ts';
import { paths } from '../oid4vci/constants.ts';
import { organizationOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { checkIn } from './check-in.ts';
import { checkInOffer } from './check-in-offer.ts';
import { listCheckIns } from './check-ins.ts';
import { confirmEvent } from './confirm.ts';
import { closeEvent, createEvent } from './create.ts';
import { declineCheckIn } from './decline.ts';
import { cancelCheckIn, deferredCredential } from './deferred.ts';
import { applyHours } from './hours.ts';
import { sendOfferToWallet } from './send-offer.ts';
import { readHoursRequest, readReason } from './input.ts';
import { eventView, findEvent, listEvents, printedOffer } from './view.ts';

/** The wallet-facing routes of events, beside OpenID4VCI's token and credential endpoints (which hand check-in codes and tokens here). */
export const eventPaths = {
  checkInOffer: '/oid4vci/check-in/:code',
  deferred: paths.deferred,
  cancel: paths.checkInCancel,
} as const;

export { checkIn };

/** Mounted with the OpenID4VCI routes, before API-key authentication: wallets carry the issuer's own access tokens. */
export function createEventCheckInRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.get(eventPaths.checkInOffer, async (req, res) => {
    res.set('cache-control', 'no-store').json(await checkInOffer(deps, req.params.code!));
  });
  router.post(eventPaths.deferred, async (req, res) => {
    const answer = await deferredCredential(deps, bearerToken(req), req.body);
    res.status(answer.status).set('cache-control', 'no-store').json(answer.body);
  });
  router.post(eventPaths.cancel, async (req, res) => {
    res.set('cache-control', 'no-store').json(await cancelCheckIn(deps, bearerToken(req), req.body));
  });
  return router;
}

/** The organization's event routes (API.md): create, list, read, the QR codes, close, check-ins, hours, decline, confirm. */
export function createEventsRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.use('/v1/events', requireActor('organization'));
  router.post('/v1/events', async (req, res) => {
    res.status(201).json(await createEvent(deps, organizationOf(res), req.body));
  });
  router.get('/v1/events', async (_req, res) => {
    res.json(await listEvents(deps.db, deps.config, organizationOf(res).id, deps.now()));
  });
  router.get('/v1/events/:id', async (req, res) => {
    const row = await findEvent(deps.db, organizationOf(res).id, req.params.id);
    res.set('cache-control', 'no-store').json(await eventView(deps.db, deps.config, row, deps.now()));
  });
  router.get('/v1/events/:id/printed-offer', async (req, res) => {
    res.json(printedOffer(deps.config, await findEvent(deps.db, organizationOf(res).id, req.params.id)));
  });
  // The QR a screen shows (the current rotating code) or, with ?printed=true, the one to print.
  router.get('/v1/events/:id/check-in.png', async (req, res) => {
    const row = await findEvent(deps.db, organizationOf(res).id, req.params.id);
    const now = deps.now();
    if (req.query.printed === 'true') return res.type('image/png').set('cache-control', 'private, no-store').send(await qrPng(printedOffer(deps.config, row).claimUrl));
    const view = await eventView(deps.db, deps.config, row, now);
    if (!view.checkInUrl) throw new PassportError('gone', `Event ${row.id} no longer takes check-ins (it is ${view.status})`);
    res.type('image/png').set('cache-control', 'private, no-store').send(await qrPng(view.checkInUrl));
  });
  router.post('/v1/events/:id/close', async (req, res) => {
    res.json(await closeEvent(deps, organizationOf(res), req.params.id));
  });
  router.get('/v1/events/:id/check-ins', async (req, res) => {
    await findEvent(deps.db, organizationOf(res).id, req.params.id);
    res.set('cache-control', 'no-store').json(await listCheckIns(deps.db, req.params.id, deps.now()));
  });
  router.post('/v1/events/:id/hours', async (req, res) => {
    const request = readHoursRequest(req.body);
    const id = req.params.id;
    const answer = await deps.db.transaction(async (tx) => {
      const event = await findEvent(tx, organizationOf(res).id, id);
      if (event.status === 'confirmed') throw new PassportError('conflict', `Event ${id} is confirmed: its hours are final`);
      await applyHours(tx, id, request, deps.now());
      return listCheckIns(tx, id, deps.now());
    });
    res.json(answer);
  });
  router.post('/v1/events/:id/check-ins/:checkInId/decline', async (req, res) => {
    res.json(await declineCheckIn(deps, organizationOf(res), req.params.id, req.params.checkInId, readReason(req.body)));
  });
  router.post('/v1/events/:id/send-offer', async (req, res) => {
    res.json(await sendOfferToWallet(deps, organizationOf(res), req.params.id, req.body));
  });
  router.post('/v1/events/:id/confirm', async (req, res) => {
    res.json(await confirmEvent(deps, organizationOf(res), req.params.id, readHoursRequest(req.body)));
  });
  return router;
}
