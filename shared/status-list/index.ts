export { StatusBitstring, MIN_STATUS_LIST_SIZE, randomStatusIndex } from './bitstring.ts';
