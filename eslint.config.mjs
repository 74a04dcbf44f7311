// ESLint flat config: typescript-eslint's recommended rules for TypeScript and for the CommonJS build scripts.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'out/', 'node_modules/', 'coverage/', '.tmp/'] },
  tseslint.configs.recommended,
  {
    // Node scripts (scripts/, bench/, webpack.config.js) are CommonJS: `node x.js` with no "type": "module".
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
