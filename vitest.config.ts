import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/server/**/*.test.ts'],
    testTimeout: 20000,
    globalSetup: ['test/global-setup.ts'],
  },
});
