import { Router, type Request, type Response } from 'express';
import { PassportError } from '../../shared/errors.ts';
import { toProblem } from '../../shared/http/index.ts';
import { qrPng } from '../../shared/qr.ts';
import type { VerifierDeps } from '../deps.ts';
import { createPresentationRequest } from './create.ts';
import { parseRequestInput } from './input.ts';
import { volunteerActivityVct } from '../../shared/sd-jwt-vc/index.ts';
import { REQUEST_OBJECT_TYPE, requestObject } from './request-object.ts';
import { answerRequest, parseAuthorizationResponse } from './respond.ts';
import { readPresentationRequest } from './read.ts';
import { findRequest, publicStatus } from './store.ts';
import { requestUrls } from './urls.ts';

/**
 * OpenID4VP 1.0 requests, cross-device with `direct_post`: the employer's screen creates one
 * and shows its QR; the wallet fetches the request object and posts its answer to the response
 * route; the screen polls `GET /v1/requests/{id}` for the result with the request's `readToken`.
 */
export function createRequestsRouter(deps: VerifierDeps): Router {
  const router = Router();
  const verifierUrl = deps.config.verifierUrl;
  const clientName = `Volunteer Passport verifier (${new URL(verifierUrl).host})`;

  const load = async (id: string) => {
    const request = await findRequest(deps.db, id);
    if (!request) throw new PassportError('not_found', 'No such presentation request');
    return request;
  };

  router.post('/v1/requests', async (req, res) => {
    const created = await createPresentationRequest(
      { db: deps.db, verifierUrl, lifetimeSeconds: deps.config.verifierRequestSeconds, now: deps.now, passportSecret: deps.config.passportSecret },
      parseRequestInput(req.body),
    );
    res.status(201).location(`/v1/requests/${created.id}`).json(created);
  });

  router.get('/v1/requests/:id', async (req, res) => {
    const { request, status } = await readPresentationRequest(deps, req.params.id, req);
    const urls = requestUrls(verifierUrl, request.id);
    res.set('cache-control', 'no-store').json({
      id: request.id,
      status,
      expiresAt: request.expiresAt,
      requestUri: urls.requestUri,
      purpose: request.purpose,
      ...(request.policy ? { policy: request.policy } : {}),
      ...(request.asksIin ? { asksIin: true } : {}),
      ...(request.result ? { result: request.result } : {}),
    });
  });

  router.get('/v1/requests/:id/qr.png', async (req, res) => {
    const request = await load(req.params.id);
    res.type('image/png').set('cache-control', 'no-store').send(await qrPng(requestUrls(verifierUrl, request.id).requestUri));
  });

  router.get('/oid4vp/requests/:id', async (req, res) => {
    const request = await load(req.params.id);
    const status = publicStatus(request, deps.now());
    if (status !== 'pending' || request.status !== 'pending') throw new PassportError('gone', status === 'expired' ? 'This request has expired' : 'This request has already been answered');
    res.type(REQUEST_OBJECT_TYPE).set('cache-control', 'no-store').send(requestObject(request, verifierUrl, clientName, volunteerActivityVct(deps.config.issuerUrl)));
  });

  router.post('/oid4vp/responses/:id', async (req, res) => {
    try {
      await answerRequest({ ...deps, verifierUrl }, req.params.id, parseAuthorizationResponse(req.body));
      res.set('cache-control', 'no-store').json({});
    } catch (err) {
      if (!(err instanceof PassportError) || err.status >= 500) throw err;
      sendOAuthError(req, res, err);
    }
  });
  return router;
}

/** OpenID4VP answers errors in the OAuth shape (`error`, `error_description`), with the problem details alongside. */
function sendOAuthError(req: Request, res: Response, err: PassportError): void {
  res
    .status(err.status)
    .set('cache-control', 'no-store')
    .json({ error: 'invalid_request', error_description: err.detail, ...toProblem(err, req.originalUrl) });
}
