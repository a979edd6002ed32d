import { dropTestDatabasesOfRun } from './database.ts';

/**
 * The `postgres` project's teardown: drops the databases this run's test files made and did not
 * drop themselves (a file that failed half-way, a data directory a test kept).
 */
export default function setup(): () => Promise<void> {
  return async () => {
    if (process.env.TEST_DATABASE_URL) await dropTestDatabasesOfRun(process.env.TEST_DATABASE_URL, process.pid);
  };
}
