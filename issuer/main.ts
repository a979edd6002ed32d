import { runService } from '../shared/service/run.ts';
import { buildIssuer } from './app.ts';
import { inviteAdminCommand } from './cli/invite-admin.ts';

if (process.argv[2] === 'invite-admin') {
  process.exitCode = await inviteAdminCommand(process.argv.slice(3));
} else {
  await runService({
    name: 'issuer',
    port: (config) => config.issuerPort,
    url: (config) => config.issuerUrl,
    build: buildIssuer,
  });
}
