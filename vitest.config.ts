import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/server/**/*.test.ts'],
    // A guard against hangs, not a measure of speed: tests that start processes or lint many
    // versions need room on a slow or busy machine.
    testTimeout: 60000,
    globalSetup: ['test/global-setup.ts'],
  },
});
