/** One config for unit specs (beside the code) and e2e specs (apps/api/test); TEST_DATABASE picks the database. */
const aliases = ['platform', 'parties', 'auth', 'audit', 'dpa', 'subprocessors', 'breach', 'notices', 'documents'];

module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // isolatedModules: type checking is `npm run typecheck`'s job; the suite stays fast.
    '^.+\\.(t|j)s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // jose 6 ships ESM only.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: Object.fromEntries(aliases.map((name) => [`^@verwerker/${name}$`, `<rootDir>/libs/${name}/src`])),
  testEnvironment: 'node',
  testTimeout: 60000,
};
