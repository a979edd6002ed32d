import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { PassportError } from '../../shared/errors.ts';
import { sendProblem } from '../../shared/http/index.ts';

/**
 * `GET /verify?presentation=` makes the verifier fetch a URL it is given, so it is limited per
 * client like a write (the app-level limit skips GETs): otherwise anyone could use the verifier
 * to send requests to third parties.
 */
export function fetchRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request) => `fetch:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    handler: (req: Request, res: Response) => {
      sendProblem(res, new PassportError('rate_limited', 'Too many verifications; retry after the Retry-After header'), req.originalUrl);
    },
  });
}
