/**
 * `@mvkit/server/jest/teardown`: the Jest `globalTeardown` that closes the server of the
 * `@mvkit/server/jest` globalSetup.
 *
 * @packageDocumentation
 * @module @mvkit/server/jest/teardown
 */
import { jestGlobalTeardown } from './index.js';

/** Closes the server the globalSetup started. */
export default jestGlobalTeardown;
