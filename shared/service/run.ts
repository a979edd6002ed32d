import type { Express } from 'express';
import { loadConfig, type Config } from '../config.ts';
import { listen } from '../http/listen.ts';
import { createLogger, type Logger } from '../logger.ts';

export interface BuiltService {
  app: Express;
  /** Releases what the service holds (database, timers) after the server stopped accepting. */
  close(): Promise<void>;
}

export interface ServiceDefinition {
  name: 'issuer' | 'wallet' | 'verifier';
  port(config: Config): number;
  url(config: Config): string;
  build(config: Config, logger: Logger): Promise<BuiltService>;
}

/**
 * Starts one service as its own process (`npm run issuer`): loads the configuration, builds the
 * app, listens, and on SIGINT/SIGTERM stops accepting, finishes open requests and closes the
 * database, so a stop never leaves a half-written transaction behind.
 */
export async function runService(definition: ServiceDefinition): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(definition.name, config.logLevel);
  const service = await definition.build(config, logger);
  const server = await listen(service.app, definition.port(config));
  logger.info({ url: definition.url(config), port: server.port }, `${definition.name} listening`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${definition.name} stopping`);
    await server.close();
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
