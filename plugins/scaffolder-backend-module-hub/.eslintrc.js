module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // Shared test helpers named expect* (src/__testUtils__) assert for the test.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expect*'] },
    ],
  },
});
