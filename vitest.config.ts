import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB allows one writer per file and tests use their own temp files, so files may run in parallel.
    pool: 'forks',
  },
});
