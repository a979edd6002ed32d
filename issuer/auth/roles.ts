import type { RequestHandler } from 'express';
import { PassportError } from '../../shared/errors.ts';
import { actorOf, staffOf } from './actor.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What a person may do for themselves whatever their role: sign in and out, accept an
 * invitation, change their own password.
 */
const SELF_SERVICE = [/^\/v1\/staff\/sessions(?:\/current)?$/, /^\/v1\/staff\/invitations\/[^/]+\/accept$/, /^\/v1\/staff\/me\/password$/];

/**
 * A viewer sees and changes nothing: every write by a person with the `viewer` role is refused
 * here, before any router, so a new route cannot forget the rule. (Members do their unit's work;
 * admins also manage people and keys, which those routes check themselves.)
 */
export const viewersReadOnly: RequestHandler = (req, res, next) => {
  if (staffOf(actorOf(res))?.role !== 'viewer' || SAFE_METHODS.has(req.method)) return next();
  if (SELF_SERVICE.some((path) => path.test(req.path))) return next();
  next(new PassportError('forbidden', 'Viewers can see but not change anything; ask an admin of your unit for the member role', { extra: { reason: 'viewer' } }));
};
