// House rules that a tool can check. Formatting is the code's own (long lines, one statement a line);
// these rules catch mistakes: unused code, `any`, focused or skipped tests, console output in the apps.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/src/api/schema.d.ts', 'test/screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Nest's DI needs classes whose constructors only declare injected members.
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'No focused tests.' },
        { object: 'describe', property: 'only', message: 'No focused tests.' },
        { object: 'test', property: 'only', message: 'No focused tests.' },
        { object: 'it', property: 'skip', message: 'No skipped tests left behind.' },
        { object: 'describe', property: 'skip', message: 'No skipped tests left behind.' },
        { object: 'test', property: 'skip', message: 'No skipped tests left behind.' },
      ],
      'no-restricted-globals': [
        'error',
        ...['xit', 'xtest', 'xdescribe'].map((name) => ({ name, message: 'No skipped tests.' })),
        ...['fit', 'fdescribe'].map((name) => ({ name, message: 'No focused tests.' })),
      ],
    },
  },
  {
    // The apps log through Nest's logger (JSON, with the request id), never the console.
    files: ['apps/api/**/*.ts', 'apps/worker/**/*.ts', 'libs/**/*.ts'],
    // openapi.ts is a command-line script that prints what it wrote.
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**', 'apps/api/src/openapi.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // CI's own scripts run under Node as ES modules.
    files: ['.ci/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Last: turns off any rule that would argue with Prettier about layout.
  prettier,
);
