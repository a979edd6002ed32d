import { runService } from '../shared/service/run.ts';
import { buildVerifier } from './app.ts';

await runService({
  name: 'verifier',
  port: (config) => config.verifierPort,
  url: (config) => config.verifierUrl,
  build: buildVerifier,
});
