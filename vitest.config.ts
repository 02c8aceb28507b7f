/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so tests import the site's modules as the build resolves them.
export default getViteConfig({
  test: {
    include: ['tests/{unit,content,built}/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
