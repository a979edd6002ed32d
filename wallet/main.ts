import { runService } from '../shared/service/run.ts';
import { buildWallet } from './app.ts';

await runService({
  name: 'wallet',
  port: (config) => config.walletPort,
  url: (config) => config.walletUrl,
  build: buildWallet,
});
