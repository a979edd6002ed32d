export { createApiKey, type NewApiKey } from './api-key.ts';
export { authenticate, actorOf, requireActor, organizationOf, mayAccredit, type Actor, type Principal, type OrganizationActor } from './actor.ts';
