import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/http/index.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { rotatingCode } from './codes.ts';
import { checkInOfferUri, eventStatus, findEvent } from './view.ts';

const SendSchema = z.object({ walletUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2_048) }).strict();

/**
 * The other way round, for a volunteer without a working camera: the coordinator's page scanned
 * the wallet's personal check-in QR (a one-time inbox link) and the issuer posts the event's
 * current offer there, through the guarded fetch. The wallet then claims it as if scanned, so the
 * volunteer's own key checks in; the issuer learns only whether that worked.
 */
export async function sendOfferToWallet(deps: Pick<IssuerDeps, 'db' | 'config' | 'now' | 'fetch'>, organization: OrganizationActor, eventId: string, body: unknown): Promise<{ status: 'checked_in' }> {
  const { walletUrl } = parseInput(SendSchema, body);
  const event = await findEvent(deps.db, organization.id, eventId);
  const now = deps.now();
  if (eventStatus(event, now) !== 'open') throw new PassportError('conflict', `Event ${eventId} no longer takes check-ins`);
  const offerUri = checkInOfferUri(deps.config.issuerUrl, rotatingCode(deps.config, event.id, now).code);
  const res = await deps.fetch(walletUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ offerUri }) });
  if (res.status === 404) throw new PassportError('not_found', 'The wallet does not know this check-in QR (used or expired): ask the volunteer to show a new one', { field: 'walletUrl' });
  if (res.status < 200 || res.status >= 300) throw new PassportError('upstream_unavailable', `The wallet answered HTTP ${res.status}`);
  return { status: 'checked_in' };
}
