import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'src/ui/diagram/layouts.generated.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The headless core must never touch React, the DOM or the wall clock (design.md, brief rule 3 and 4).
    files: ['src/k8s/**', 'src/runtime/**', 'src/engine/**', 'src/scenario/**', 'src/cli/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', '@xstate/react', '*/ui/*', '*/app/*'] }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine runs on the virtual clock.' },
        { object: 'Math', property: 'random', message: 'Use the seeded random source.' },
        { object: 'performance', property: 'now', message: 'The engine runs on the virtual clock.' },
      ],
    },
  },
);
