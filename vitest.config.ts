import { defineConfig } from 'vitest/config';

/**
 * The tests that store data through the services or the `Database` interface: the PostgreSQL
 * pass runs these again (browser tests and pure units would only repeat what the SQLite pass
 * proved, at the price of minutes).
 */
const DATABASE_TESTS = [
  'test/issuer/**/*.test.ts',
  'test/wallet/api/**/*.test.ts',
  'test/verifier/api/**/*.test.ts',
  'test/verifier/integration/**/*.test.ts',
  'test/verifier/requests/**/*.test.ts',
  'test/shared/auth/**/*.test.ts',
  'test/shared/db/**/*.test.ts',
  'test/shared/http/**/*.test.ts',
  'test/shared/service/**/*.test.ts',
  'test/multi-instance/**/*.test.ts',
  'test/attacks/**/*.test.ts',
];

// Integration and browser tests start real services as child processes, so files run
// in parallel across both cores while each file's tests run in order. Every test runs on SQLite;
// with TEST_DATABASE_URL set, the database tests run once more on that PostgreSQL server
// (project `postgres`), each started service group in a fresh database (test/helpers/database.ts).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: DATABASE_TESTS,
                env: { PASSPORT_TEST_BACKEND: 'postgres' },
                globalSetup: ['test/helpers/postgres-global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
