// A vitest project using the test kit of the installed @mvkit/server: one reference server for the
// run, started (and closed) by the globalSetup, its address provided to the tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { globalSetup: ['@mvkit/server/vitest'], include: ['*.test.ts'] } });
