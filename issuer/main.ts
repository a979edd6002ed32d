import { runService } from '../shared/service/run.ts';
import { buildIssuer } from './app.ts';

await runService({
  name: 'issuer',
  port: (config) => config.issuerPort,
  url: (config) => config.issuerUrl,
  build: buildIssuer,
});
