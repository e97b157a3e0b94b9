// Jest runs the TypeScript sources as native ES modules (NODE_OPTIONS=--experimental-vm-modules, see package.json)
// through @swc/jest, which keeps decorator metadata for Nest's DI. Type-checking is `npm run typecheck`.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@hub/sources/(.*)$': '<rootDir>/libs/sources/$1/src/index.ts',
    '^@hub/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transformIgnorePatterns: ['/node_modules/(?!(cookie)/)'],
  testEnvironment: 'node',
};

export default {
  // e2e tests wait for a real pipeline; the unit tests finish in milliseconds either way.
  testTimeout: 180_000,
  // test/zz-* suites audit the whole run (e.g. its logs), so they go last.
  testSequencer: '<rootDir>/test/support/test-sequencer.js',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
    },
  ],
};
