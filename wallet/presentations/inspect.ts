import { z } from 'zod';
import type { Volunteer } from '../accounts/index.ts';
import { checkedCredentials, credentialView, type CheckedCredential, type CredentialView } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';
import { parseInput } from '../../shared/http/index.ts';
import { identityDisclosure, type IdentityDisclosure } from './identity.ts';
import type { PresentationRequest } from './request.ts';
import { openPresentationRequest } from './stored-request.ts';

export const RequestLinkSchema = z.object({ requestUri: z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(8_192) });

export interface RequestForDisplay {
  clientId: string;
  clientName: string | null;
  purpose: Record<string, string> | null;
  policy: PresentationRequest['policy'];
  responseUri: string;
  expiresAt: string | null;
  /** The volunteer's credentials the request asks for (type, and the policy's categories and dates), valid ones first. */
  matchingCredentials: CredentialView[];
  /**
   * When the verifier also asks for the volunteer's identity (an SD-JWT VC with their name and
   * IIN): exactly what will be disclosed, with the values, and from which credential; null otherwise.
   */
  disclosure: IdentityDisclosure | null;
}

/** What the volunteer sees before choosing: who asks, what for, under which policy, which credentials fit, and what identity is disclosed. */
export async function inspectRequest(deps: WalletDeps, volunteer: Volunteer, body: unknown): Promise<RequestForDisplay> {
  const input = parseInput(RequestLinkSchema.strict(), body);
  const request = await openPresentationRequest(deps, volunteer.id, input.requestUri);
  const all = await checkedCredentials(deps, volunteer.id);
  const matching = all.filter((c) => asked(request, c)).sort((a, b) => rank(a) - rank(b));
  return {
    clientId: request.clientId,
    clientName: request.clientName,
    purpose: request.purpose,
    policy: request.policy,
    responseUri: request.responseUri,
    expiresAt: request.expiresAt,
    matchingCredentials: matching.map((c) => credentialView(c.stored, c.report)),
    disclosure: request.identityQuery ? (await identityDisclosure(request.identityQuery, all, deps.identities)).disclosure : null,
  };
}

function asked(request: PresentationRequest, { stored }: CheckedCredential): boolean {
  const types = stored.credential.type;
  const activity = stored.credential.credentialSubject.activity;
  const typeFits = request.typeValues.length === 0 || request.typeValues.some((set) => set.every((t) => types.includes(t)));
  const categoryFits = !request.policy?.categories?.length || request.policy.categories.includes(activity.category);
  const dateFits = !request.policy?.since || activity.activityEndDate >= request.policy.since;
  return typeFits && categoryFits && dateFits;
}

function rank(c: CheckedCredential): number {
  return c.report.status === 'valid' ? 0 : 1;
}
