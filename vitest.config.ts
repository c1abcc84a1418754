import { defineConfig } from 'vitest/config';

// In CI a JSON report is written as well, so .ci/run can print a plain "N passed, N failed".
const ci = process.env.CI === 'true';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    reporters: ci ? ['default', ['json', { outputFile: '.tmp/vitest-results.json' }]] : ['default'],
  },
});
