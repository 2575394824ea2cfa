/**
 * Milvus 2.5's RBAC catalogue and its enforcement, in memory: users (scrypt-hashed passwords),
 * roles, user-role bindings, grants and privilege groups, as rootcoord keeps them
 * (`internal/rootcoord/root_coord.go` CreateCredential ... OperatePrivilegeGroup, with the proxy's
 * checks of `internal/proxy/impl.go` first), and the proxy's privilege interceptor
 * (`internal/proxy/privilege_interceptor.go`) over them.
 *
 * @packageDocumentation
 */
import { scrypt as scryptJs, scryptAsync as scryptJsAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { Merr, MilvusError } from '@mvkit/core';
import { base64ToBytes, bytesToBase64 } from '../base64.js';
import { nodeBuiltin } from '../node-builtin.js';
import { validateCollectionName, validateDatabaseName } from '../names.js';
import {
  BUILTIN_PRIVILEGE_GROUPS,
  KNOWN_PRIVILEGES,
  LEGACY_PRIVILEGE_GROUPS,
  OBJECT_PRIVILEGES,
  OBJECT_TYPES,
  PUBLIC_GRANTS,
  RELATED_PRIVILEGES,
  RPC_PRIVILEGES,
  levelOfPrivilege,
  objectTypeOfPrivilege,
  type ObjectType,
} from './privileges.js';
import { validateName, validatePassword, validateUsername } from './names.js';

/** The superuser, who passes every privilege check. */
export const ROOT_USER = 'root';
/** Built-in roles (`util.DefaultRoles`); neither can be dropped, every user has `public`. */
export const ADMIN_ROLE = 'admin';
export const PUBLIC_ROLE = 'public';
/** `proxy.maxUserNum`. */
export const MAX_USERS = 100;
/** `proxy.maxRoleNum` (built-in roles included). */
export const MAX_ROLES = 10;

/** One grant (`milvus.GrantEntity`): a privilege (API name, or a group) on an object for a role. */
export interface Grant {
  readonly role: string;
  readonly objectType: ObjectType;
  /** Object name, `*` for any. */
  readonly objectName: string;
  /** Database, `*` for any. */
  readonly dbName: string;
  /** API name, e.g. `Insert`, `CollectionReadOnly`, `*`. */
  readonly privilege: string;
  /** User who granted it. */
  readonly grantor: string;
}

/** A user with the roles bound to it (`milvus.UserResult`). */
export interface UserRoles {
  readonly user: string;
  readonly roles: string[];
}

/** A role with the users bound to it (`milvus.RoleResult`). */
export interface RoleUsers {
  readonly role: string;
  readonly users: string[];
}

/** A privilege group and its privileges (`milvus.PrivilegeGroupInfo`). */
export interface PrivilegeGroup {
  readonly name: string;
  readonly privileges: string[];
}

/** Who calls: the authenticated user and the database of the call (the `dbname` header / REST `dbName`). */
export interface Caller {
  readonly user: string;
  readonly dbName: string;
}

/** The whole catalogue, as BackupRBAC returns it and RestoreRBAC takes it (`milvus.RBACMeta`). */
export interface RbacMeta {
  /** Users with their password as stored (here an scrypt record, never the password) and roles. */
  readonly users: { user: string; password: string; roles: string[] }[];
  readonly roles: string[];
  readonly grants: Grant[];
  readonly privilegeGroups: PrivilegeGroup[];
}

/** A grant operation as OperatePrivilege receives it (`milvus.GrantEntity` + type). */
export interface GrantInput {
  role: string;
  objectType: string;
  objectName: string;
  dbName?: string;
  privilege: string;
}

/** A password as stored: its scrypt record, or (a seed user not yet authenticated) the seed password, hashed on first use. */
type StoredUser = { salt: Uint8Array; hash: Uint8Array } | { seed: string };

/** scrypt cost parameters (Node's `scryptSync` defaults) and key length. */
const SCRYPT = { N: 16384, r: 8, p: 1, dkLen: 32 } as const;
const NODE_SCRYPT = { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p } as const;
/** How often the JavaScript scrypt yields to the event loop, in ms. */
const SCRYPT_TICK_MS = 10;

/** Node's `crypto` where the runtime has it (reached without a static import, so the engine also bundles for browsers). */
const nodeCrypto = nodeBuiltin<typeof import('node:crypto')>('node:crypto');

/** scrypt of `password` with `salt` (`SCRYPT`), blocking: Node's native one, else `@noble/hashes`'. */
function scrypt(password: string, salt: Uint8Array): Uint8Array {
  return nodeCrypto ? new Uint8Array(nodeCrypto.scryptSync(password, salt, SCRYPT.dkLen, NODE_SCRYPT)) : scryptJs(password, salt, SCRYPT);
}

/**
 * scrypt of `password` with `salt` without holding the event loop: in Node on libuv's thread pool,
 * elsewhere in `@noble/hashes`' slices that yield every `SCRYPT_TICK_MS` ms.
 */
function scryptAsync(password: string, salt: Uint8Array): Promise<Uint8Array> {
  if (!nodeCrypto) return scryptJsAsync(password, salt, { ...SCRYPT, asyncTick: SCRYPT_TICK_MS });
  return new Promise((resolve, reject) => nodeCrypto.scrypt(password, salt, SCRYPT.dkLen, NODE_SCRYPT, (e, key) => (e ? reject(e) : resolve(new Uint8Array(key)))));
}
const ROLE_NOT_FOUND = "not found the role, maybe the role isn't existed or internal system error";
const USER_NOT_FOUND = "not found the user, maybe the user isn't existed or internal system error";
const digestOf = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

/** Whether `a` and `b` are the same bytes, in time independent of where they differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** A new scrypt record of `password` (random 16-byte salt; blocks for the hash, ~0.1–0.2 s). */
function hashPassword(password: string): { salt: Uint8Array; hash: Uint8Array } {
  const salt = randomBytes(16);
  return { salt, hash: scrypt(password, salt) };
}

/** The grants the `public` role starts with (Milvus's default `public` privileges on every object of every database). */
const publicGrants = (): Grant[] => PUBLIC_GRANTS.map((p) => ({ role: PUBLIC_ROLE, objectType: p.objectType, objectName: '*', dbName: '*', privilege: p.privilege, grantor: ROOT_USER }));

/**
 * The RBAC catalogue of one engine. Methods mirror MilvusService's RPCs (names in their TSDoc);
 * failures are thrown as {@link MilvusError}s with Milvus's code and reason (65535 for
 * rootcoord's plain errors, which carry no merr code). Authorization never depends on whether
 * authentication is on: the fronts call {@link Rbac.authorize} only when it is.
 */
export class Rbac {
  readonly #users = new Map<string, StoredUser>();
  /** sha256 of the last password verified per user, as the proxy's credential cache, so a call costs no scrypt. */
  readonly #verified = new Map<string, string>();
  readonly #roles = new Set<string>([ADMIN_ROLE, PUBLIC_ROLE]);
  readonly #userRoles = new Map<string, Set<string>>();
  #grants: Grant[] = publicGrants();
  readonly #groups = new Map<string, string[]>();
  /** The seeded users' password records, which {@link reset} restores. */
  readonly #seeded = new Map<string, StoredUser>();

  /**
   * Adds users without Milvus's checks (the `--auth` / `AuthOptions` seed; `root`'s default
   * password `Milvus` is the seed of a server without auth). An existing user keeps its password,
   * and a user seeded before stays as the calls since left it (deleted, or with a new password):
   * a front made later (the server makes its REST fronts on their first request) seeds nothing again.
   */
  seedUsers(users: Readonly<Record<string, string>>): void {
    // Hashed on first use (#record), so that starting a server costs no scrypt.
    for (const [user, password] of Object.entries(users)) {
      if (this.#users.has(user) || this.#seeded.has(user)) continue;
      const stored = { seed: password };
      this.#users.set(user, stored);
      this.#seeded.set(user, stored);
    }
  }

  /**
   * Back to the catalogue of a new store given the same seeds: only the seeded users, with their
   * seeded passwords and no roles; the built-in roles `admin` and `public` with `public`'s default
   * grants; no custom role, grant or privilege group. Costs no password hashing.
   */
  reset(): void {
    this.#users.clear();
    this.#verified.clear();
    for (const [user, stored] of this.#seeded) this.#users.set(user, stored);
    this.#roles.clear();
    this.#roles.add(ADMIN_ROLE).add(PUBLIC_ROLE);
    this.#userRoles.clear();
    this.#grants = publicGrants();
    this.#groups.clear();
  }

  /** The scrypt record of `user` (hashing a seed password now), if the user exists. */
  #record(user: string): { salt: Uint8Array; hash: Uint8Array } | undefined {
    const stored = this.#users.get(user);
    if (!stored || !('seed' in stored)) return stored;
    const record = hashPassword(stored.seed);
    this.#users.set(user, record);
    if (this.#seeded.get(user) === stored) this.#seeded.set(user, record);
    return record;
  }

  /**
   * Whether `user` exists and `password` is its password (the proxy's `passwordVerify`), as the
   * fronts check every call: a password verified before costs a sha256; another is hashed with
   * scrypt off the event loop (`scryptAsync`), so wrong passwords cannot stall other calls
   * (a seed user's first call hashes its seed password once, likewise).
   */
  async authenticate(user: string, password: string | undefined): Promise<boolean> {
    let stored = this.#users.get(user);
    if (!stored || password === undefined) return false;
    const digest = digestOf(password);
    if (this.#verified.get(user) === digest) return true;
    if ('seed' in stored) {
      const seed = stored;
      const salt = randomBytes(16);
      const record = { salt, hash: await scryptAsync(seed.seed, salt) };
      // Unless the seed was replaced while scrypt ran.
      if (this.#users.get(user) === seed) this.#users.set(user, record);
      if (this.#seeded.get(user) === seed) this.#seeded.set(user, record);
      stored = this.#users.get(user);
      if (!stored || 'seed' in stored) return false;
    }
    const ok = sameBytes(await scryptAsync(password, stored.salt), stored.hash);
    // The user may have been dropped or its password changed while scrypt ran.
    if (ok && this.#users.get(user) === stored) this.#verified.set(user, digest);
    return ok && this.#users.get(user) === stored;
  }

  // ---------------------------------------------------------------- users

  /**
   * CreateCredential with a plain password.
   * @throws MilvusError 1100 (username, then password length, see `names.ts`); 65535 `unable to add
   *   user because the number of users has reached the limit`; 65535 `user already exists: <name>`.
   */
  createUser(user: string, password: string): void {
    validateUsername(user);
    validatePassword(password);
    if (this.#users.size >= MAX_USERS) throw new MilvusError('unable to add user because the number of users has reached the limit');
    if (this.#users.has(user)) throw new MilvusError(`user already exists: ${user}`);
    this.#users.set(user, hashPassword(password));
  }

  /**
   * UpdateCredential: the old password must be the current one.
   * @throws MilvusError 1100 (username, new password length); 1400 `old password not correct for <user>: not authenticated`.
   */
  updatePassword(user: string, oldPassword: string, newPassword: string): void {
    validateUsername(user);
    validatePassword(newPassword);
    const stored = this.#record(user);
    const matches = stored !== undefined && sameBytes(scrypt(oldPassword, stored.salt), stored.hash);
    if (!matches) throw MilvusError.of(Merr.PrivilegeNotAuthenticated, `old password not correct for ${user}: ${Merr.PrivilegeNotAuthenticated.message}`);
    this.#users.set(user, hashPassword(newPassword));
    this.#verified.delete(user);
  }

  /**
   * DeleteCredential: also unbinds the user's roles; a missing user is a success.
   * @throws MilvusError 1100 bad username; 1401 `root user cannot be deleted: privilege not permitted`.
   */
  deleteUser(user: string): void {
    validateUsername(user);
    if (user === ROOT_USER) throw MilvusError.of(Merr.PrivilegeNotPermitted, `root user cannot be deleted: ${Merr.PrivilegeNotPermitted.message}`);
    this.#users.delete(user);
    this.#verified.delete(user);
    this.#userRoles.delete(user);
  }

  /** ListCredUsers: every user name, in creation order. */
  listUsers(): string[] {
    return [...this.#users.keys()];
  }

  /**
   * SelectUser: one user (none when unknown: an empty success, as Milvus) or all, with their
   * roles when `includeRoles` (the bound ones; `public` is implicit and not listed).
   * @throws MilvusError 1100 for a bad user name.
   */
  selectUser(user: string | undefined, includeRoles: boolean): UserRoles[] {
    if (user !== undefined) validateUsername(user);
    const names = user === undefined ? this.listUsers() : this.#users.has(user) ? [user] : [];
    return names.map((name) => ({ user: name, roles: includeRoles ? [...(this.#userRoles.get(name) ?? [])] : [] }));
  }

  // ---------------------------------------------------------------- roles

  /**
   * CreateRole.
   * @throws MilvusError 1100 bad name; 65535 `unable to create role because the number of roles
   *   has reached the limit`; 65535 `role [<name>] already exists`.
   */
  createRole(role: string): void {
    validateName(role, 'role name');
    if (this.#roles.size >= MAX_ROLES) throw new MilvusError('unable to create role because the number of roles has reached the limit');
    if (this.#roles.has(role)) throw new MilvusError(`role [${role}] already exists`);
    this.#roles.add(role);
  }

  /**
   * DropRole; with `force`, its grants go too, otherwise a role with grants stays. Its user
   * bindings are removed.
   * @throws MilvusError 1100 bad name; 1401 `the role[<name>] is a default role, which can't be
   *   dropped: privilege not permitted`; 65535 role not found; 65535 `fail to drop the role that it
   *   has privileges. Use REVOKE API to revoke privileges`.
   */
  dropRole(role: string, force: boolean): void {
    validateName(role, 'role name');
    if (role === ADMIN_ROLE || role === PUBLIC_ROLE) {
      throw MilvusError.of(Merr.PrivilegeNotPermitted, `the role[${role}] is a default role, which can't be dropped: ${Merr.PrivilegeNotPermitted.message}`);
    }
    if (!this.#roles.has(role)) throw new MilvusError(ROLE_NOT_FOUND);
    if (!force && this.#grants.some((g) => g.role === role)) throw new MilvusError('fail to drop the role that it has privileges. Use REVOKE API to revoke privileges');
    this.#roles.delete(role);
    this.#grants = this.#grants.filter((g) => g.role !== role);
    for (const roles of this.#userRoles.values()) roles.delete(role);
  }

  /**
   * OperateUserRole: binds (`add`) or unbinds a user and a role; repeating either is a success.
   * @throws MilvusError 1100 bad user or role name; 65535 role not found; 65535 user not found (on add).
   */
  operateUserRole(user: string, role: string, add: boolean): void {
    validateUsername(user);
    validateName(role, 'role name');
    if (!this.#roles.has(role)) throw new MilvusError(ROLE_NOT_FOUND);
    if (add) {
      if (!this.#users.has(user)) throw new MilvusError(USER_NOT_FOUND);
      let roles = this.#userRoles.get(user);
      if (!roles) this.#userRoles.set(user, (roles = new Set()));
      roles.add(role);
    } else {
      this.#userRoles.get(user)?.delete(role);
    }
  }

  /**
   * SelectRole: one role (none when unknown) or all, with their users when `includeUsers`.
   * @throws MilvusError 1100 for a bad role name.
   */
  selectRole(role: string | undefined, includeUsers: boolean): RoleUsers[] {
    if (role !== undefined) validateName(role, 'role name');
    const names = role === undefined ? [...this.#roles] : this.#roles.has(role) ? [role] : [];
    return names.map((name) => ({
      role: name,
      users: includeUsers ? [...this.#userRoles].filter(([, roles]) => roles.has(name)).map(([user]) => user) : [],
    }));
  }

  // ---------------------------------------------------------------- grants

  /**
   * OperatePrivilege (v1): grants or revokes a privilege on an object type and name, with its
   * related privileges (`util.RelatedPrivileges`: Load brings GetLoadState and GetLoadingProgress,
   * Flush brings GetFlushState). A Global grant is stored with object name `*`; the database
   * defaults to the caller's. Granting twice or revoking what is not granted succeeds.
   * @throws MilvusError 65535 `not found the object type[name: <t>], supported the object types:
   *   [Collection Global User]`; 65535 role not found; 65535 `not found the privilege name[<p>]`;
   *   1100 for a bad role name.
   */
  operatePrivilege(input: GrantInput, grant: boolean, grantor: string): void {
    if (!KNOWN_PRIVILEGES.has(input.privilege) && input.privilege !== '*' && !this.#groups.has(input.privilege)) {
      throw new MilvusError(`not found the privilege name[${input.privilege}]`);
    }
    validateName(input.role, 'role name');
    const objectType = this.#objectType(input.objectType);
    this.#roleExists(input.role);
    if (input.privilege !== '*' && !this.#groups.has(input.privilege) && !OBJECT_PRIVILEGES[objectType].includes(input.privilege)) {
      throw new MilvusError(`not found the privilege name[${input.privilege}]`);
    }
    const objectName = objectType === 'Global' ? '*' : input.objectName;
    for (const privilege of [input.privilege, ...(RELATED_PRIVILEGES.get(input.privilege) ?? [])]) {
      this.#apply({ role: input.role, objectType, objectName, dbName: input.dbName || 'default', privilege, grantor }, grant);
    }
  }

  /**
   * OperatePrivilegeV2: grants or revokes a privilege or privilege group at a level given by a
   * database and a collection (`*` for any); cluster-level privileges need both `*`,
   * database-level ones a collection `*`.
   * @throws MilvusError 1100 bad role, database or collection name; 65535 as {@link operatePrivilege};
   *   65535 `dbName and collectionName should be * for the cluster level privilege: <p>`;
   *   65535 `collectionName should be * for the database level privilege: <p>`.
   */
  operatePrivilegeV2(input: { role: string; privilege: string; dbName: string; collectionName: string }, grant: boolean, grantor: string): void {
    validateName(input.role, 'role name');
    if (!KNOWN_PRIVILEGES.has(input.privilege) && input.privilege !== '*' && !this.#groups.has(input.privilege)) {
      throw new MilvusError(`not found the privilege name[${input.privilege}]`);
    }
    const dbName = input.dbName || 'default';
    if (dbName !== '*') validateDatabaseName(dbName);
    if (input.collectionName !== '*') validateCollectionName(input.collectionName);
    this.#roleExists(input.role);
    const level = this.#groups.has(input.privilege) ? undefined : levelOfPrivilege(input.privilege);
    if (level === 'Cluster' && (dbName !== '*' || input.collectionName !== '*')) {
      throw new MilvusError(`dbName and collectionName should be * for the cluster level privilege: ${input.privilege}`);
    }
    if (level === 'Database' && input.collectionName !== '*') throw new MilvusError(`collectionName should be * for the database level privilege: ${input.privilege}`);
    const objectType = this.#groups.has(input.privilege) ? 'Global' : objectTypeOfPrivilege(input.privilege);
    this.#apply({ role: input.role, objectType, objectName: input.collectionName, dbName, privilege: input.privilege, grantor }, grant);
  }

  #apply(entry: Grant, grant: boolean): void {
    const same = (g: Grant) =>
      g.role === entry.role && g.objectType === entry.objectType && g.objectName === entry.objectName && g.dbName === entry.dbName && g.privilege === entry.privilege;
    if (grant) {
      if (!this.#grants.some(same)) this.#grants.push(entry);
    } else {
      this.#grants = this.#grants.filter((g) => !same(g));
    }
  }

  #objectType(name: string): ObjectType {
    const type = OBJECT_TYPES.find((t) => t === name);
    if (!type) throw new MilvusError(`not found the object type[name: ${name}], supported the object types: [${OBJECT_TYPES.join(' ')}]`);
    return type;
  }

  #roleExists(role: string): void {
    if (role === '') throw new MilvusError('the name in the role entity is empty');
    if (!this.#roles.has(role)) throw new MilvusError(ROLE_NOT_FOUND);
  }

  /**
   * SelectGrant: a role's grants, optionally only those on one object type (and name, and
   * database: default `default`).
   * @throws MilvusError 65535 role not found or empty; 65535 unknown object type.
   */
  selectGrant(filter: { role: string; objectType?: string; objectName?: string; dbName?: string }): Grant[] {
    this.#roleExists(filter.role);
    const objectType = filter.objectType ? this.#objectType(filter.objectType) : undefined;
    return this.#grants.filter(
      (g) =>
        g.role === filter.role &&
        (objectType === undefined ||
          (g.objectType === objectType && (!filter.objectName || g.objectName === filter.objectName) && g.dbName === (filter.dbName || 'default'))),
    );
  }

  // ---------------------------------------------------------------- privilege groups

  /**
   * CreatePrivilegeGroup.
   * @throws MilvusError 1100 bad name; 1100 `privilege group name [<g>] is defined by built in
   *   privileges or privilege groups in system: invalid parameter`; 1100 `privilege group [<g>]
   *   already exists: invalid parameter`.
   */
  createPrivilegeGroup(name: string): void {
    validateName(name, 'privilege group name');
    if (KNOWN_PRIVILEGES.has(name)) throw MilvusError.parameterInvalid(`privilege group name [${name}] is defined by built in privileges or privilege groups in system`);
    if (this.#groups.has(name)) throw MilvusError.parameterInvalid(`privilege group [${name}] already exists`);
    this.#groups.set(name, []);
  }

  /**
   * DropPrivilegeGroup: a missing group is a success; a group still granted to a role stays.
   * @throws MilvusError 1100 bad name or a built-in group; 1100 `privilege group [<g>] is used by
   *   role [<r>], Use REVOKE API to revoke it first: invalid parameter`.
   */
  dropPrivilegeGroup(name: string): void {
    validateName(name, 'privilege group name');
    if (KNOWN_PRIVILEGES.has(name)) throw MilvusError.parameterInvalid(`privilege group name [${name}] is defined by built in privileges or privilege groups in system`);
    const user = this.#grants.find((g) => g.privilege === name);
    if (user) throw MilvusError.parameterInvalid(`privilege group [${name}] is used by role [${user.role}], Use REVOKE API to revoke it first`);
    this.#groups.delete(name);
  }

  /** ListPrivilegeGroups: the built-in groups, then the custom ones in creation order. */
  listPrivilegeGroups(): PrivilegeGroup[] {
    return [
      ...[...BUILTIN_PRIVILEGE_GROUPS].map(([name, g]) => ({ name, privileges: [...g.privileges] })),
      ...[...this.#groups].map(([name, privileges]) => ({ name, privileges: [...privileges] })),
    ];
  }

  /**
   * OperatePrivilegeGroup: adds (`add`) or removes privileges (single privileges, not groups) of a custom group.
   * @throws MilvusError 1100 bad name; 1100 `there is no privilege group name [<g>] defined in
   *   system to operate: invalid parameter`; 1100 `privilege name [<p>] is not defined: invalid parameter`.
   */
  operatePrivilegeGroup(name: string, privileges: readonly string[], add: boolean): void {
    validateName(name, 'privilege group name');
    const group = this.#groups.get(name);
    if (!group) throw MilvusError.parameterInvalid(`there is no privilege group name [${name}] defined in system to operate`);
    for (const p of privileges) {
      if (!KNOWN_PRIVILEGES.has(p) || BUILTIN_PRIVILEGE_GROUPS.has(p) || LEGACY_PRIVILEGE_GROUPS.has(p)) throw MilvusError.parameterInvalid(`privilege name [${p}] is not defined`);
    }
    const next = add ? [...group, ...privileges.filter((p, i) => !group.includes(p) && privileges.indexOf(p) === i)] : group.filter((p) => !privileges.includes(p));
    this.#groups.set(name, next);
  }

  // ---------------------------------------------------------------- backup / restore

  /** BackupRBAC: the whole catalogue (custom roles, grants and groups; users with their stored password records). */
  backup(): RbacMeta {
    return {
      users: [...this.#users.keys()].map((user) => {
        const s = this.#record(user)!;
        return { user, password: `scrypt:${bytesToBase64(s.salt)}:${bytesToBase64(s.hash)}`, roles: [...(this.#userRoles.get(user) ?? [])] };
      }),
      roles: [...this.#roles].filter((r) => r !== ADMIN_ROLE && r !== PUBLIC_ROLE),
      grants: this.#grants.filter((g) => g.role !== PUBLIC_ROLE || !PUBLIC_GRANTS.some((p) => p.privilege === g.privilege)).map((g) => ({ ...g })),
      privilegeGroups: [...this.#groups].map(([name, privileges]) => ({ name, privileges: [...privileges] })),
    };
  }

  /**
   * RestoreRBAC: adds a backup's roles, groups, users (records from {@link backup}), bindings and
   * grants; nothing changes when any of it conflicts.
   * @throws MilvusError 65535 `role [<r>] already exists`, `user [<u>] already exists`,
   *   `privilege group [<g>] already exists`, or an unreadable password record.
   */
  restore(meta: RbacMeta): void {
    for (const r of meta.roles) if (this.#roles.has(r)) throw new MilvusError(`role [${r}] already exists`);
    for (const u of meta.users) if (this.#users.has(u.user)) throw new MilvusError(`user [${u.user}] already exists`);
    for (const g of meta.privilegeGroups) if (this.#groups.has(g.name)) throw new MilvusError(`privilege group [${g.name}] already exists`);
    const records = meta.users.map((u) => {
      const [kind, salt, hash] = u.password.split(':');
      if (kind !== 'scrypt' || !salt || !hash) throw new MilvusError(`invalid password record of user [${u.user}]`);
      let stored: StoredUser;
      try {
        stored = { salt: base64ToBytes(salt), hash: base64ToBytes(hash) };
      } catch {
        throw new MilvusError(`invalid password record of user [${u.user}]`);
      }
      return { user: u.user, stored, roles: u.roles };
    });
    for (const r of meta.roles) this.#roles.add(r);
    for (const g of meta.privilegeGroups) this.#groups.set(g.name, [...g.privileges]);
    for (const r of records) {
      this.#users.set(r.user, r.stored);
      this.#userRoles.set(r.user, new Set(r.roles.filter((role) => this.#roles.has(role))));
    }
    for (const g of meta.grants) if (this.#roles.has(g.role)) this.#apply({ ...g }, true);
  }

  // ---------------------------------------------------------------- enforcement

  /**
   * The proxy's privilege interceptor for one call of `rpc` (a MilvusService method name, e.g.
   * `Insert`) with `request` (protobuf-es field names, e.g. `collectionName`): root, the `admin`
   * role and RPCs without a privilege pass; a user's own User object passes; SelectGrant of one of
   * the caller's roles passes; otherwise one role of the caller (its roles plus `public`) must hold
   * the privilege on the object in the caller's database (`*` databases and names match any; a
   * granted group or `All` covers its privileges).
   * @throws PermissionDeniedError `<Privilege...>: permission deny to <user> in the `<db>` database`.
   */
  authorize(rpc: string, request: object, caller: Caller): void {
    const need = RPC_PRIVILEGES[rpc];
    if (!need || caller.user === ROOT_USER) return;
    const roles = [...(this.#userRoles.get(caller.user) ?? []), PUBLIC_ROLE];
    if (roles.includes(ADMIN_ROLE)) return;
    const req = request as Record<string, unknown>;
    const nameOf = (value: unknown): string => {
      if (value !== null && typeof value === 'object') return String((value as { name?: unknown }).name ?? '');
      return value === undefined ? '' : String(value);
    };
    const objectName = need.name ? nameOf(req[need.name]) : '*';
    if (need.objectType === 'User' && objectName === caller.user) return;
    if (rpc === 'SelectGrant') {
      const role = nameOf((req.entity as { role?: unknown } | undefined)?.role);
      if (roles.includes(role)) return;
    }
    const names = need.names ? (Array.isArray(req[need.names]) ? (req[need.names] as unknown[]).map(nameOf) : []) : undefined;
    for (const role of roles) {
      const grants = this.#grants.filter((g) => g.role === role);
      const permits = (name: string) => grants.some((g) => this.#covers(g, need.objectType, caller.dbName, name, need.privilege));
      if (names ? names.length > 0 && names.every(permits) : permits(objectName)) return;
    }
    throw new PermissionDeniedError(`Privilege${need.privilege}: permission deny to ${caller.user} in the \`${caller.dbName}\` database`);
  }

  /** Whether grant `g` covers `privilege` on the object: Milvus's casbin matcher (glob on object and privilege, or a containing group). */
  #covers(g: Grant, objectType: ObjectType, dbName: string, objectName: string, privilege: string): boolean {
    const dbOk = g.dbName === '*' || g.dbName === dbName;
    const nameOk = g.objectName === '*' || g.objectName === objectName;
    if (g.objectType === objectType && dbOk && nameOk && (g.privilege === privilege || g.privilege === '*')) return true;
    if (!dbOk) return false;
    if (g.privilege === 'All') return true;
    const members = BUILTIN_PRIVILEGE_GROUPS.get(g.privilege)?.privileges ?? LEGACY_PRIVILEGE_GROUPS.get(g.privilege) ?? this.#groups.get(g.privilege);
    if (!members?.includes(privilege)) return false;
    return g.privilege === 'Admin' || objectName === '*' || nameOk;
  }
}

/**
 * A refused privilege check. Milvus answers it as a gRPC status error PERMISSION_DENIED (not a
 * `common.Status`); the REST front answers HTTP 403 with `merr.Code` of that error (65535) and
 * its Go text `rpc error: code = PermissionDenied desc = <message>`.
 */
export class PermissionDeniedError extends Error {
  override readonly name = 'PermissionDeniedError';
}
