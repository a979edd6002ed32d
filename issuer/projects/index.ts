export { createProjectsRouter } from './router.ts';
