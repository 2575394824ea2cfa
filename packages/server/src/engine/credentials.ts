/**
 * The credential rule shared by every front: which user/password pairs the server accepts when
 * authentication is on (Milvus `common.security.authorizationEnabled`; rootcoord's credential
 * store). Fronts only parse their own header forms and answer in their own error shapes.
 *
 * @packageDocumentation
 */

/** Users the server accepts when authentication is on. */
export interface AuthOptions {
  /** Password by user name, e.g. `{ root: 'Milvus' }`. */
  readonly users: Readonly<Record<string, string>>;
}

/** Whether `user` exists and `password` is its password. */
export function isAuthenticated(auth: AuthOptions, user: string, password: string | undefined): boolean {
  return password !== undefined && Object.hasOwn(auth.users, user) && auth.users[user] === password;
}
