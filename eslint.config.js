// Lint rules that keep the architecture visible in the code: layers depend one way
// (common ← protos ← stream-layer ← partition-layer ← frontend; location-service beside them;
// deploy on top; bench and chaos above deploy), reach each other only through their package's public
// entry ("exports"), and never form import cycles.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const strataPackages = ['common', 'protos', 'stream-layer', 'partition-layer', 'location-service', 'frontend', 'deploy', 'bench', 'chaos'];

/** What each layer may not import. */
const forbidden = {
  common: strataPackages.filter((p) => p !== 'common'),
  protos: strataPackages.filter((p) => p !== 'protos'),
  'stream-layer': ['partition-layer', 'location-service', 'frontend', 'deploy', 'bench', 'chaos'],
  'partition-layer': ['location-service', 'frontend', 'deploy', 'bench', 'chaos'],
  'location-service': ['stream-layer', 'partition-layer', 'frontend', 'deploy', 'bench', 'chaos'],
  frontend: ['deploy', 'bench', 'chaos'],
  deploy: ['bench', 'chaos'],
  // The bench drives a stamp only through the launcher's public API, like a user would.
  bench: ['stream-layer', 'partition-layer', 'location-service', 'frontend', 'protos', 'chaos'],
  // So does the chaos harness: the launcher, S3 requests, and the operator's CLI for what it looks at.
  chaos: ['stream-layer', 'partition-layer', 'location-service', 'frontend', 'protos', 'bench'],
};

const deepImports = {
  group: ['@strata/*/src/*', '@strata/*/dist/*', '../../*/src/*', '../../../*/src/*'],
  message: 'Import another layer only through its package entry (@strata/<layer>); its internals are private.',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'protos/src/generated/**', 'coverage/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: a promise nobody awaits or voids loses its rejection, and a switch over
    // a union that misses a member compiles silently when the union grows.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: ['*/tsconfig.json', 'tsconfig.test.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['*/tsconfig.json', 'tsconfig.test.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
    },
  },
  ...Object.entries(forbidden).map(([layer, banned]) => ({
    files: [`${layer}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImports,
            ...(banned.length > 0
              ? [{ group: banned.map((name) => `@strata/${name}`), message: `${layer} sits below these layers and must not depend on them.` }]
              : []),
          ],
        },
      ],
    },
  })),
  {
    files: ['tests/**/*.ts', '**/*.test.ts', 'vitest.config.ts', 'eslint.config.js', '**/scripts/**', '**/bin/**'],
    rules: { 'no-console': 'off' },
  },
);
