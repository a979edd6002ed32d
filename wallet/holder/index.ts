export { createHolderKeys, type HolderKeys, type HolderSigner, type StoredHolderKey } from './keys.ts';
