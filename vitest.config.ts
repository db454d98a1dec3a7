import { defineConfig } from 'vitest/config';

// Unit and integration tests run against the real MariaDB and Redis (never mocked).
// Each test file that touches the database uses its own database (see tests/support/test-db.ts),
// so files may run in parallel.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', 'build/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/test-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
  resolve: {
    alias: { '~': new URL('./app', import.meta.url).pathname },
  },
});
