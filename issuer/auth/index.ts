export { createApiKey, type NewApiKey } from './api-key.ts';
export {
  authenticate,
  actorOf,
  callerOf,
  requireActor,
  organizationOf,
  mayAccredit,
  staffOf,
  isAdminToken,
  type Actor,
  type OrganizationActor,
  type Principal,
  type StaffPrincipal,
  type StaffRole,
} from './actor.ts';
export { viewersReadOnly } from './roles.ts';
