import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { PassportError } from '../errors.ts';

/**
 * The middleware every request of a service passes first (security headers, request log), kept
 * by `createServiceApp` so that a hot route runs the very same instances.
 */
const commonMiddleware = new WeakMap<Express, readonly RequestHandler[]>();

export function rememberCommonMiddleware(app: Express, handlers: readonly RequestHandler[]): void {
  commonMiddleware.set(app, handlers);
}

export interface HotRoute {
  method: 'POST' | 'GET';
  /** The exact path; a request with a query string or another spelling takes the router as usual. */
  path: string;
  /** What runs after the common middleware, in order: the route's own rate limit, body parsing, handler. */
  handlers: readonly RequestHandler[];
}

/**
 * Answers `route` without walking Express's router: the request passes the service's common
 * middleware and then `route.handlers`, in order, exactly as the router would run them, and an
 * error goes to `onError` (the service's problem-details handler). Everything else reaches the
 * app as before. For the one request a service answers thousands of times a second
 * (`POST /v1/verify`), where matching a dozen layers' paths on every request was a measurable
 * share of its time (docs/performance.md); the route stays mounted on the router too, which
 * answers it when it comes with a query string.
 *
 * It replaces `app.handle`, which is what the app is called through (by `app.listen`'s server and
 * by tests alike), doing first what Express's own `app.handle` does (prototypes, `res.locals`).
 */
export function answerHot(app: Express, route: HotRoute, onError: ErrorRequestHandler): void {
  const common = commonMiddleware.get(app);
  if (!common) throw new Error('answerHot needs an app made by createServiceApp');
  const chain = [...common, ...route.handlers];
  const express = (app as unknown as { handle: Function }).handle.bind(app) as (req: IncomingMessage, res: ServerResponse, callback?: NextFunction) => void;
  const hot = (req: IncomingMessage, res: ServerResponse, callback?: NextFunction) => {
    if (req.method !== route.method || req.url !== route.path || callback) return express(req, res, callback);
    const request = req as Request;
    const response = res as Response;
    request.res = response;
    response.req = request;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    if (!response.locals) response.locals = Object.create(null);
    request.originalUrl = req.url;
    request.baseUrl = '';
    request.params = {};
    let index = 0;
    let failed = false;
    const next: NextFunction = (err?: unknown) => {
      if (err !== undefined && err !== 'route' && err !== 'router') return fail(err);
      const handler = chain[index++];
      // Past the last handler, a route that did not answer: as the router would, a 404.
      if (!handler) return fail(new PassportError('not_found', `No route for ${req.method} ${route.path}`));
      try {
        const returned = handler(request, response, next) as unknown;
        if (returned instanceof Promise) returned.catch(fail);
      } catch (thrown) {
        fail(thrown);
      }
    };
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      onError(err, request, response, (unhandled?: unknown) => {
        if (!response.headersSent) response.status(500).end();
        else if (unhandled) response.destroy();
      });
    };
    next();
  };
  (app as unknown as { handle: typeof hot }).handle = hot;
}
