import { defineConfig } from 'vitest/config';

/** End-to-end tests: the real server on a port, the built SPA, and Chromium. Build the SPA first. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
