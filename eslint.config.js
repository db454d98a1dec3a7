import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const webNeverTalksToGlpi = {
  group: ['**/worker/**', '**/tools/glpi-sim/**'],
  message: 'The web process never talks to GLPI; only worker/ may.',
};
const notApp = { group: ['**/app/**', '~/*'], message: 'app/ holds pages; shared texts and formatting are in shared/.' };
const domainKnowsNoTransport = {
  group: ['**/trpc/**', '@trpc/*', '**/http/**'],
  message:
    'Domain modules and the worker know no transport: throw AppError (server/errors.ts), mapped to tRPC in server/trpc/trpc-errors.ts; request data comes as RequestMeta (server/request-context.ts).',
};

export default tseslint.config(
  { ignores: ['build/**', 'public/build/**', 'node_modules/**', 'bench/results/**', 'test-results/**', 'playwright-report/**', 'var/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // The rule that shapes everything: the web side never talks to GLPI.
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [webNeverTalksToGlpi] }] },
  },
  {
    // Dependencies point one way: pages use the server and shared/, never the reverse.
    files: ['server/trpc/**/*.ts', 'server/http/**/*.ts', 'server/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [webNeverTalksToGlpi, notApp] }] },
  },
  {
    // Domain modules know no transport; only server/trpc and server/http (and tests) do.
    files: ['server/**/*.ts'],
    ignores: ['server/trpc/**', 'server/http/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [webNeverTalksToGlpi, notApp, domainKnowsNoTransport] }] },
  },
  {
    files: ['worker/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notApp, domainKnowsNoTransport] }] },
  },
  {
    files: ['worker/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notApp] }] },
  },
  {
    // Texts and formatting used by pages, e-mails, PDFs and the worker alike: no side's code here.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            notApp,
            {
              group: ['**/server/**', '**/worker/**', 'react', 'react-*'],
              message: 'shared/ is imported by every side and imports none of them.',
            },
          ],
        },
      ],
    },
  },
);
