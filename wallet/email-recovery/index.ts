export { createEmailRecoveryRouter } from './router.ts';
