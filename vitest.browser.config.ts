import { defineConfig } from 'vitest/config';

/** Tests that need Debian's chromium: run by npm run test:browser (CI installs chromium first). */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60000,
  },
});
