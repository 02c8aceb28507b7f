// @ts-check
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.test-builds/',
      '.netlify/',
      '.vercel/',
      '.astro/',
      '.data/',
      'node_modules/',
      'test-results/',
      'tests/fixtures/',
    ],
  },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
);
