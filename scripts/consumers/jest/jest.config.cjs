// A Jest (CommonJS) project using the test kit of the installed @mvkit/server: one reference server
// for the run, started by the globalSetup and closed by the globalTeardown.
module.exports = {
  testEnvironment: 'node',
  globalSetup: '@mvkit/server/jest',
  globalTeardown: '@mvkit/server/jest/teardown',
  testMatch: ['<rootDir>/*.test.cjs'],
};
