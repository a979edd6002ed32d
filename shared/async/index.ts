export { Deadline, DEADLINE_EXCEEDED, isDeadlineMiss } from './deadline.ts';
export { createLimiter, mapLimited, type Limiter } from './limit.ts';
