/**
 * Whether the server requires credentials (Milvus `common.security.authorizationEnabled`) and the
 * users it starts with. Who may log in is the engine's RBAC store (`Engine.rbac`, `Rbac.authenticate`),
 * which these users seed, so users created later log in too and deleted ones no longer can.
 *
 * @packageDocumentation
 */

/** Authentication on, with the users the server starts with. */
export interface AuthOptions {
  /** Password by user name, e.g. `{ root: 'Milvus' }`; `root` is the superuser. */
  readonly users: Readonly<Record<string, string>>;
}
