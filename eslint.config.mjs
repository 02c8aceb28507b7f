// @ts-check
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.test-builds/',
      '.builds/',
      '.netlify/',
      '.vercel/',
      '.astro/',
      '.data/',
      'node_modules/',
      'test-results/',
      'tests/fixtures/',
    ],
  },
  // Type-aware rules: a floating promise, a misused async callback or an object stringified
  // as "[object Object]" fails the check.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  ...eslintPluginAstro.configs.recommended,
  {
    files: ['**/*.astro'],
    // The Astro parser reads a tsconfig itself; it does not take TypeScript's project service.
    languageOptions: { parserOptions: { projectService: false, project: true } },
    rules: {
      // The Astro parser types the JSX a template's `.map(() => <li />)` returns as an error
      // type, so this rule would flag every list; the frontmatter keeps the other rules.
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript config files are outside the TypeScript project.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
