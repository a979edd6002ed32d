import { defineConfig } from 'vitest/config';

// Integration and browser tests start real services as child processes, so files run
// in parallel across both cores while each file's tests run in order.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: ['default'],
  },
});
