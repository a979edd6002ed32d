import cluster from 'node:cluster';
import type { RequestListener } from 'node:http';
import type { Express } from 'express';
import { loadConfig, type Config } from '../config.ts';
import { listen } from '../http/listen.ts';
import { createLogger, type Logger } from '../logger.ts';
import { watchParent } from './parent-watch.ts';

export interface BuiltService {
  app: Express;
  /**
   * What answers the requests, when not `app` alone: the verifier answers `POST /v1/verify` in
   * front of Express and hands every other request to `app` (verifier/routes/verify-fast.ts).
   */
  handler?: RequestListener;
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
 * Starts one service (`npm run issuer`): loads the configuration, builds the app, listens, and on
 * SIGINT/SIGTERM stops accepting, lets requests in flight finish and closes the database, so a
 * stop never leaves a half-written transaction behind.
 *
 * With `WORKERS=N` (N > 1) the process forks N workers that share the port (node:cluster), so
 * signing and verification use every core. Workers are instances like any other: everything they
 * must agree on is in the database (rate limit counters too), and caches are their own.
 */
export async function runService(definition: ServiceDefinition): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(definition.name, config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) return superviseWorkers(definition, config, logger);

  const service = await definition.build(config, logger);
  const server = await listen(service.handler ?? service.app, definition.port(config));
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
  // A cluster worker leaves watching to its primary: it stops with it.
  if (config.parentPipeFd !== undefined && cluster.isPrimary) {
    watchParent(config.parentPipeFd, () => {
      logger.warn(`${definition.name}: the process that started it is gone; stopping`);
      setTimeout(() => process.exit(1), 10_000).unref();
      void stop('parent gone');
    });
  }
}

function superviseWorkers(definition: ServiceDefinition, config: Config, logger: Logger): void {
  let stopping = false;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that dies is replaced; what it was doing is safe, since every write is one transaction.
    logger.error({ pid: worker.process.pid, code, signal }, `${definition.name} worker stopped; starting another`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: config.workers }, `${definition.name} stopping its workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  if (config.parentPipeFd !== undefined) {
    watchParent(config.parentPipeFd, () => {
      logger.warn(`${definition.name}: the process that started it is gone; stopping its workers`);
      setTimeout(() => process.exit(1), 10_000).unref();
      stop('SIGTERM');
    });
  }
}
