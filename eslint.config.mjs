// One lint setup for the whole project (formatting is prettier's job: see .prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the console page may not import, and why. */
const message =
  'web/src takes only types from the rest of Pantau (`import type`), and shared/alerts/indicator-names: a value would bring zod and server code into the page.';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.pantau/', 'coverage/', 'demo/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...boundaries(),
  {
    // The console page runs in a browser: from the rest of the project it takes types only (the API's
    // contract), and the indicators' names, which are data with no imports.
    files: ['web/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Of shared/, only the indicators' names: data with no imports.
              regex: '(^|/)shared/(?!alerts/indicator-names$)',
              allowTypeImports: true,
              message,
            },
            {
              group: ['**/infra/**', '**/functions/**', '**/cli/**', '**/scripts/**', '**/bin/**', 'zod', 'node:*'],
              allowTypeImports: true,
              message,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

/**
 * The architecture's boundaries (../shared/architecture.json), checked on every import: one
 * `files` block per folder, each with the import patterns it may never use and the boundary's
 * name in the message. A later block for the same file replaces an earlier one's
 * `no-restricted-imports`, so each block lists every rule its folder obeys.
 */
function boundaries() {
  const rule = (group, message) => ({ group, message });
  const sharedNeverImportsApps = [
    rule(
      ['**/infra/**', '**/functions/**', '**/scripts/**', '**/cli/**', '**/bin/**'],
      'shared/ never imports infra/, functions/, scripts/, cli/ or bin/: the domain and its adapters know no application.',
    ),
  ];
  const coreUsesPorts = [
    rule(
      ['**/adapters', '**/adapters/**'],
      'the core (shared/{classify,alerts,claims,pipeline,notify,sources,analytics,console}) never imports shared/adapters: it reaches AWS and HTTP only through its ports.',
    ),
    rule(
      ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*'],
      'the core never imports an AWS SDK or CDK package: it reaches AWS only through its ports.',
    ),
  ];
  const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
  return [
    restrict(['shared/**/*.ts'], sharedNeverImportsApps),
    restrict(
      ['shared/{classify,alerts,claims,pipeline,notify,sources,analytics,console}/**/*.ts'],
      [...sharedNeverImportsApps, ...coreUsesPorts],
    ),
    restrict(
      ['functions/**/*.ts'],
      [
        rule(
          ['**/infra/**', '**/cli/**', '**/scripts/**', '**/bin/**'],
          'functions/ never imports infra/, cli/, bin/ or scripts/: handlers never know where they run or the command line.',
        ),
      ],
    ),
    restrict(
      ['infra/aws/**/*.ts'],
      [
        rule(
          ['**/infra/local', '**/infra/local/**', '**/local/**'],
          'infra/aws never imports infra/local: the two infrastructures are twins, not layers.',
        ),
      ],
    ),
    restrict(
      ['infra/local/**/*.ts'],
      [
        rule(
          ['**/infra/aws', '**/infra/aws/**', '**/aws/**'],
          'infra/local never imports infra/aws: the two infrastructures are twins, not layers.',
        ),
        rule(['**/cli/**', '**/bin/**'], 'infra/local never imports cli/ or bin/: the twin is a library the command line drives.'),
      ],
    ),
  ];
}
