export { createTotalsRouter } from './router.ts';
export { summarize, type Totals } from './summarize.ts';
