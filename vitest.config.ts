import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,client,e2e}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration and browser tests start real servers and Chromium: two cores, keep it modest.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
