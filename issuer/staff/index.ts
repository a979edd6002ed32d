export { createStaffRouter } from './router.ts';
export { STAFF_MIGRATIONS } from './migrations.ts';
export { STAFF_COOKIE } from './session-actor.ts';
export { mayAdminister, maySeePeople } from './authority.ts';
export { existingUnit, findUnit, parseUnit, unitName, covers, type Unit, type UnitRecord } from './units.ts';
export { staffOpenApiPaths } from './openapi.ts';
