export { createTrustListSource, type TrustListSource } from '../../shared/trust/index.ts';
