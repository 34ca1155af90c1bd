import { defineConfig } from 'vitest/config';

// Tests that need LibreOffice and pandoc (Debian libreoffice-writer-nogui, pandoc): npm run test:readers.
export default defineConfig({
  test: {
    include: ['test/readers/**/*.test.ts'],
    testTimeout: 120000,
  },
});
