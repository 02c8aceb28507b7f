/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so tests can import `astro:content` and render components.
export default getViteConfig({
  test: {
    include: ['tests/{unit,content,built}/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
