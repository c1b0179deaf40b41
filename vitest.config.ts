import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property-based tests run hundreds of cases; on a shared 2-core machine under load a
          // few take seconds. The tests assert behaviour, never timing.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Integration tests start real servers and child processes: one file at a time keeps
          // a 2-core machine from starving them.
          fileParallelism: false,
        },
      },
    ],
  },
});
