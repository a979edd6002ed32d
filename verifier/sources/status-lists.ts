export { createStatusListSource, type StatusListSource } from '../../shared/status-list/index.ts';
