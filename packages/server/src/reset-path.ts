/**
 * Path of the test kit's reset route (`POST`, see `withResetRoute`): not a Milvus route (a real
 * Milvus answers 404), so that it cannot clash with one.
 */
export const RESET_PATH = '/_mvkit/reset';
