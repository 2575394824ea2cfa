import { defineConfig } from 'vitest/config';

/** Tests run against package sources (the `@mvkit/source` export condition), not dist/. */
export default defineConfig({
  resolve: { conditions: ['@mvkit/source'] },
  ssr: { resolve: { conditions: ['@mvkit/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'bench/test/**/*.test.ts', 'conformance/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
