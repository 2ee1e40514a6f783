import nx from '@nx/eslint-plugin';
import simpleImportSort from 'eslint-plugin-simple-import-sort';

/**
 * `core` is the ground floor (ADR 0014): nothing under a `core` folder imports a feature or the composition root.
 * A relative import that climbs out of core is an error unless it lands in one of `allowed`; the pattern depends on
 * how deep the file sits in core. Both path spellings: `npx eslint apps/…` reads this file from the root, `nx lint`
 * runs in the project folder.
 */
const coreImportsNoFeature = ({ project, core, allowed, message }) =>
  [0, 1, 2, 3, 4].map((depth) => ({
    files: [`${project}/${core}/${'*/'.repeat(depth)}*.ts`, `${core}/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ message, regex: `^(\\.\\./){${depth + 1}}(?!${allowed.join('|')})` }] }],
    },
  }));

const apiCore = coreImportsNoFeature({
  allowed: ['core/', '\\.\\./test/'], // spec files may reach apps/api/test
  core: 'src/core',
  message:
    'core imports no feature (ADR 0014): move what core needs into core, or let the feature pass it in (a provider, an option of the composition root).',
  project: 'apps/api',
});

const webCore = coreImportsNoFeature({
  allowed: ['core/', 'shared/'], // the web's core may use presentational shared/ui
  core: 'src/app/core',
  message: 'web core imports no feature (ADR 0014): features register themselves with core (a token, a route), not the other way round.',
  project: 'apps/web',
});

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/tmp', 'bench/results/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                '@angular/*',
                'rxjs',
                'bullmq',
                'ioredis',
                'class-validator',
                'class-transformer',
                'express',
                'pg',
              ],
            },
            {
              sourceTag: 'type:shared',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                '@angular/*',
                'rxjs',
                'bullmq',
                'ioredis',
                'class-validator',
                'class-transformer',
                'express',
                'pg',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:shared'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'simple-import-sort/exports': 'error',
      'simple-import-sort/imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true, varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests may assert presence with `!` after checking it.
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  ...apiCore,
  ...webCore,
];
