export { assertJsonDepth, MAX_JSON_DEPTH } from './depth.ts';
