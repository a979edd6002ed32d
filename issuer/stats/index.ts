export { createStatsRouter } from './router.ts';
export { STATS_MIGRATIONS } from './migrations.ts';
export { statsOpenApiPaths } from './openapi.ts';
export { volunteerWorkStats, type VolunteerWorkStats, type StatsMeasures } from './aggregate.ts';
export { SMALL_CELL, SMALL_CELL_THRESHOLD } from './small-cells.ts';
