import { Router, type Response } from 'express';
import { PassportError } from '../../shared/errors.ts';
import { PROBLEM_TYPE_BASE } from '../../shared/http/index.ts';
import { jwtOf } from '../credentials/enveloped.ts';
import type { VerifierDeps } from '../deps.ts';
import type { VerificationResult } from '../verification/report.ts';

/**
 * The W3C VC API verify routes, so public conformance suites can test this verifier:
 * `POST /credentials/verify` and `POST /presentations/verify`. 200 when verified; 422 with
 * `problemDetails` (one per check that did not hold) when not; 400 for input that is no
 * credential or presentation at all (an envelope without its `@context`, or whose media type
 * does not match what it carries, included). Any well-formed VC-JWT, vc+jwt or enveloped
 * credential is verified; the registry's trust decides only for VolunteerActivityCredentials.
 */
export function createVcApiRouter(deps: Pick<VerifierDeps, 'verifier'>): Router {
  const router = Router();
  router.post('/credentials/verify', async (req, res) => {
    const body = (req.body ?? {}) as { verifiableCredential?: unknown };
    const jwt = read(() => jwtOf(body.verifiableCredential, 'credential'), 'verifiableCredential');
    send(res, await deps.verifier.verifyCredential(jwt));
  });
  router.post('/presentations/verify', async (req, res) => {
    const body = (req.body ?? {}) as { verifiablePresentation?: unknown; options?: { challenge?: unknown; domain?: unknown } };
    const jwt = read(() => jwtOf(body.verifiablePresentation, 'presentation'), 'verifiablePresentation');
    const options = body.options ?? {};
    for (const key of ['challenge', 'domain'] as const) {
      if (options[key] !== undefined && typeof options[key] !== 'string') {
        throw new PassportError('invalid_request', `options.${key} must be a string`, { field: `options.${key}` });
      }
    }
    const challenge = {
      ...(typeof options.challenge === 'string' ? { nonce: options.challenge } : {}),
      ...(typeof options.domain === 'string' ? { audience: options.domain } : {}),
    };
    send(res, await deps.verifier.verifyPresentation(jwt, challenge));
  });
  return router;
}

function read(take: () => string, field: string): string {
  try {
    return take();
  } catch (err) {
    if (err instanceof PassportError) throw new PassportError(err.code, `${field}: ${err.detail}`, { field });
    throw err;
  }
}

function send(res: Response, result: VerificationResult): void {
  if (result.verified) {
    res.json(result);
    return;
  }
  // Advisory entries (the registry's trust of a credential that is not a volunteer's) are no problem.
  const problemDetails = result.checks
    .filter((c) => !c.valid && !c.advisory)
    .map((c) => ({
      type: PROBLEM_TYPE_BASE + (c.error?.code ?? 'check_failed'),
      title: `The ${c.id} check did not hold`,
      detail: c.error?.detail ?? '',
      code: c.error?.code ?? 'check_failed',
      check: c.id,
    }));
  res.status(422).json({ ...result, problemDetails });
}
