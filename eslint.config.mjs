import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import graphql from '@graphql-eslint/eslint-plugin';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.neo4j/**',
      '.neo4j-test/**',
      // Released schemas are history: compared with, never edited.
      'schema/released/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended, prettier],
  },
  // The contract: the hand-written documents in schema/ and the generated
  // schema.graphql, linted against the built schema by graphql-eslint.
  {
    files: ['schema/**/*.graphql', 'schema.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: 'schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      // Values (periods, pages, edges, counts) have no identity of their own;
      // entities implement Node with id: ID!, which a unit test checks.
      '@graphql-eslint/strict-id-in-types': 'off',
      // Every entity has the Node interface's fields, Source.sources and
      // Name.name among them; relationship fields are named after their type
      // (Meeting.meetingOf walks MEETING_OF).
      '@graphql-eslint/no-typename-prefix': 'off',
      // Hand-written documents use one-line descriptions; printSchema writes blocks.
      '@graphql-eslint/description-style': ['error', { style: 'inline' }],
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
    },
  },
  {
    files: ['schema.graphql'],
    rules: { '@graphql-eslint/description-style': ['error', { style: 'block' }] },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
