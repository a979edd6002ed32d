export { authenticate, actorOf, requireActor, organizationOf, mayAccredit, type Actor } from './actor.ts';
