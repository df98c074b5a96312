import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

/**
 * The layers (docs/sync.md, "Layers"): src/shared is the rules both sides run, so it
 * imports zod and its own files only; src/db and src/sync sit below the features, and the
 * server never runs a feature's code. tests/server/lint-boundaries.test.ts lints the
 * deliberate violations under tests/fixtures/lint/ as if they stood in these folders.
 */
const FEATURES = { regex: '(^|/)features(/|$)', message: 'A lower layer never imports a feature (src/features).' }

/** src/shared files `depth` folders below src/shared: zod, or a relative path that stays inside. */
const sharedLayer = (depth) => ({
  files: [`src/shared/${'*/'.repeat(depth)}*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { regex: '^(?!zod(/|$))(?!\\.\\.?/)', message: 'src/shared imports only zod and its own files.' },
        { regex: `^(\\.\\./){${depth + 1}}`, message: 'src/shared imports only zod and its own files.' },
      ],
    }],
    'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'src/shared loads nothing at run time.' }],
  },
})

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'dev-dist/**', 'data/**', 'coverage/**', 'bench-results/**', 'tests/fixtures/lint/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  ...[0, 1, 2, 3].map(sharedLayer),
  {
    files: ['src/db/**/*.{ts,vue}', 'src/sync/**/*.{ts,vue}', 'sync-server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FEATURES] }] },
  },
)
