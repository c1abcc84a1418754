// ESLint flat config: type-aware typescript-eslint, plus the hexagon boundary — engine code may
// not import @actions/* or Octokit, do I/O or depend on an adapter. The boundary is drawn per
// folder the other way round: everything under src/ is engine except the adapter folders
// below, so a new engine file or folder (and src/*.ts) is covered without editing this file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** The only code that does I/O: the action, the CLI, the GitHub client and the entry points. */
const ADAPTERS = [
  'src/adapters/action/**',
  'src/adapters/cli/**',
  'src/adapters/github/**',
  'src/entries/**',
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'coverage/**', 'test/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ADAPTERS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*', '@octokit/*'],
              message:
                'Engine code never imports @actions/* or Octokit: adapters live in src/adapters/action/ and src/adapters/github/.',
            },
            {
              group: [
                'node:fs',
                'fs',
                'node:fs/*',
                'fs/*',
                'node:http',
                'node:https',
                'node:net',
                'node:child_process',
                'child_process',
                'http',
                'https',
                'net',
              ],
              message: 'Engine code does no I/O; take the data as an argument (ports) instead.',
            },
            {
              // Any depth: `../action/x`, `../../github/x`.
              group: ['**/action/*', '**/cli/*', '**/github/*', '**/entries/*'],
              message: 'Engine code does not depend on adapters.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Only the CLI adapter exits.' },
        { object: 'process', property: 'argv', message: 'Only the CLI adapter reads argv.' },
        { object: 'process', property: 'env', message: 'Engine code takes its context as data.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['test/**/*.ts', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
