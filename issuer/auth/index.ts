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
  type Principal,
  type StaffPrincipal,
  type StaffRole,
} from './actor.ts';
export { viewersReadOnly } from './roles.ts';
