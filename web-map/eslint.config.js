// ESLint flat config for the Leaflet page (plain ES modules served as written, ADR 0020)
// and for the node scripts and tests that check it. Run by `npm run lint` (Maven test phase).
import js from '@eslint/js';
import globals from 'globals';

export default [
  // vendored third-party code (ADR 0016) is not ours to lint
  { ignores: ['src/main/resources/static/vendor/**', 'target/**'] },
  js.configs.recommended,
  {
    files: ['src/main/resources/static/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        ...globals.browser,
        // Leaflet (WebJar) and Leaflet.VectorGrid are classic scripts that define window.L
        L: 'readonly',
      },
    },
    rules: {
      // a deliberately dropped exception is named `ignored` (as in the Java code): the catch
      // says "this failure is expected and harmless", e.g. localStorage in private mode
      'no-unused-vars': ['error', { caughtErrorsIgnorePattern: '^ignored$' }],
    },
  },
  {
    files: ['eslint.config.js', 'scripts/**/*.js', 'src/test/js/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
];
