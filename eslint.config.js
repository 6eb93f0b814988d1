import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports a layer may not make: `group` globs of the import path, with the reason shown to whoever tries. */
const forbid = (files, rules) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: rules.map(({ group, message, allowTypeImports = false }) => ({ group, message, allowTypeImports })) },
    ],
  },
});
const server = {
  group: ['**/server/*'],
  message: 'Only the composition root (src/server) and the CLI wire modules together; nothing imports src/server.',
};
const modules = (who) => ({
  group: ['**/modules/**'],
  message: `${who} knows no module: modules ask it, not the other way round.`,
});
const outer = (who) => ({
  group: ['**/demo/*', '**/cli/*', '**/web/**'],
  message: `${who} does not depend on the demo, the CLI or the web app.`,
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.paved/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The layers of STYLE.md: http, db, jobs, shared and connectors are below the modules; server and cli above.
  forbid(
    ['src/http/**', 'src/db/**', 'src/jobs/**'],
    [
      server,
      modules('This layer'),
      outer('This layer'),
      { group: ['**/connectors/**'], message: 'This layer knows no outside system.' },
    ],
  ),
  forbid(['src/connectors/**'], [server, modules('A connector'), outer('A connector')]),
  forbid(
    ['src/shared/**'],
    [
      {
        group: ['../*', '!../shared/*'],
        message: 'src/shared is runtime-neutral and stands alone: it imports nothing else of Paved.',
      },
    ],
  ),
  forbid(['src/modules/**'], [server, outer('A module')]),
  forbid(
    ['src/demo/**'],
    [
      server,
      {
        group: ['**/cli/*', '**/web/**'],
        message: 'The demo writes through the modules; it does not depend on the CLI or the web app.',
      },
    ],
  ),
  forbid(
    ['src/web/**'],
    [
      {
        group: ['**/modules/**', '**/connectors/**', '**/db/**', '**/http/**'],
        message: 'The web app takes API shapes from the contracts as types only (import type).',
        allowTypeImports: true,
      },
      {
        group: ['**/server/*', '**/jobs/*', '**/demo/*', '**/cli/*'],
        message: 'The web app talks to the server over HTTP only.',
      },
    ],
  ),
  {
    files: ['test/**', '**/*.test.ts', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
