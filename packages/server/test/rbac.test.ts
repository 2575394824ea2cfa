import { beforeEach, describe, expect, it } from 'vitest';
import { decodeWirePassword, MAX_ROLES, MAX_USERS, PermissionDeniedError, Rbac } from '../src/engine/index.js';
import { refused } from './refusal.js';

/** The message of the PermissionDeniedError `fn` throws, or `served`. */
function denial(fn: () => void): string {
  try {
    fn();
    return 'served';
  } catch (e) {
    if (e instanceof PermissionDeniedError) return e.message;
    throw e;
  }
}

let rbac: Rbac;
beforeEach(() => {
  rbac = new Rbac();
  rbac.seedUsers({ root: 'Milvus' });
});

describe('users (proxy checks, then rootcoord)', () => {
  it('creates users who then authenticate; passwords are checked, never stored in plain text', async () => {
    rbac.createUser('alice', 'secret1');
    expect(rbac.listUsers()).toEqual(['root', 'alice']);
    expect(await rbac.authenticate('alice', 'secret1')).toBe(true);
    expect(await rbac.authenticate('alice', 'secret2')).toBe(false);
    expect(JSON.stringify(rbac.backup())).not.toContain('secret1');
  });

  it('seeds a user once: seeding again leaves a deleted seeded user deleted, and reset restores it', async () => {
    rbac.seedUsers({ alice: 'alice-secret' });
    rbac.deleteUser('alice');
    rbac.seedUsers({ alice: 'alice-secret', bob: 'bob-secret' });
    expect(rbac.listUsers()).toEqual(['root', 'bob']);
    rbac.reset();
    expect(rbac.listUsers()).toEqual(['root', 'alice', 'bob']);
    expect(await rbac.authenticate('alice', 'alice-secret')).toBe(true);
  });

  it('validates the username before the password, with the proxy messages (1100)', () => {
    expect(refused(() => rbac.createUser('', 'secret1'))).toEqual({ code: 1100, reason: 'username must be not empty: invalid parameter' });
    expect(refused(() => rbac.createUser('1bob', 'x'))).toEqual({ code: 1100, reason: 'invalid user name 1bob, the first character must be a letter, but got 1: invalid parameter' });
    expect(refused(() => rbac.createUser('bo-b', 'secret1'))).toEqual({
      code: 1100,
      reason: 'invalid user name bo-b. Username should only contain numbers, letters, and underscores, but got -: invalid parameter',
    });
    expect(refused(() => rbac.createUser('a'.repeat(33), 'secret1'))).toEqual({
      code: 1100,
      reason: `invalid username ${'a'.repeat(33)} with length 33, the length of username must be less than 32: invalid parameter`,
    });
    expect(refused(() => rbac.createUser('bob', '12345'))).toEqual({ code: 1100, reason: 'invalid password length: invalid parameter[expected=6-256][actual=5]' });
    expect(refused(() => rbac.createUser('bob', 'x'.repeat(257)))).toEqual({ code: 1100, reason: 'invalid password length: invalid parameter[expected=6-256][actual=257]' });
  });

  it('refuses a duplicate user and more than the maximum number of users (65535)', () => {
    rbac.createUser('bob', 'secret1');
    expect(refused(() => rbac.createUser('bob', 'secret2'))).toEqual({ code: 65535, reason: 'user already exists: bob' });
    for (let i = rbac.listUsers().length; i < MAX_USERS; i++) rbac.seedUsers({ [`u${i}`]: 'secret1' });
    expect(refused(() => rbac.createUser('onemore', 'secret1'))).toEqual({ code: 65535, reason: 'unable to add user because the number of users has reached the limit' });
  });

  it('checks wrong passwords off the event loop, so a flood of them cannot stall other calls', async () => {
    rbac.createUser('alice', 'secret1');
    const started = Date.now();
    const checks = Promise.all(Array.from({ length: 16 }, (_, i) => rbac.authenticate('alice', `wrong-${i}`)));
    await new Promise((resolve) => setImmediate(resolve));
    // With scrypt on the event loop this turn would wait for all 16 hashes (hundreds of ms).
    expect(Date.now() - started).toBeLessThan(100);
    expect(await checks).toEqual(Array.from({ length: 16 }, () => false));
  });

  it('updates a password only with the right old one (1400) and a valid new one', async () => {
    rbac.createUser('bob', 'secret1');
    expect(refused(() => rbac.updatePassword('bob', 'wrong!', 'secret2'))).toEqual({ code: 1400, reason: 'old password not correct for bob: not authenticated' });
    expect(refused(() => rbac.updatePassword('bob', 'secret1', 'short'))).toEqual({ code: 1100, reason: 'invalid password length: invalid parameter[expected=6-256][actual=5]' });
    rbac.updatePassword('bob', 'secret1', 'secret2');
    expect(await rbac.authenticate('bob', 'secret1')).toBe(false);
    expect(await rbac.authenticate('bob', 'secret2')).toBe(true);
  });

  it('deletes users (a missing one is a success) but never root (1401)', async () => {
    rbac.createUser('bob', 'secret1');
    rbac.deleteUser('bob');
    rbac.deleteUser('bob');
    expect(await rbac.authenticate('bob', 'secret1')).toBe(false);
    expect(refused(() => rbac.deleteUser('root'))).toEqual({ code: 1401, reason: 'root user cannot be deleted: privilege not permitted' });
  });

  it('decodes wire passwords as Go base64 does', () => {
    expect(decodeWirePassword(Buffer.from('pässword').toString('base64'), 'password')).toBe('pässword');
    expect(refused(() => decodeWirePassword('abc', 'password'))).toEqual({ code: 65535, reason: 'decode password fail: illegal base64 data at input byte 0' });
    expect(refused(() => decodeWirePassword('ab$d', 'old password'))).toEqual({ code: 65535, reason: 'decode old password fail: illegal base64 data at input byte 2' });
  });
});

describe('roles', () => {
  it('has admin and public built in; neither can be dropped (1401)', () => {
    expect(rbac.selectRole(undefined, false).map((r) => r.role)).toEqual(['admin', 'public']);
    expect(refused(() => rbac.dropRole('admin', true))).toEqual({ code: 1401, reason: "the role[admin] is a default role, which can't be dropped: privilege not permitted" });
    expect(refused(() => rbac.dropRole('public', false))).toEqual({ code: 1401, reason: "the role[public] is a default role, which can't be dropped: privilege not permitted" });
  });

  it('creates roles up to the limit, refuses duplicates and bad names', () => {
    rbac.createRole('reader');
    expect(refused(() => rbac.createRole('reader'))).toEqual({ code: 65535, reason: 'role [reader] already exists' });
    expect(refused(() => rbac.createRole('9r'))).toEqual({ code: 1100, reason: 'the first character of role name must be an underscore or letter: invalid parameter[expected=_][actual=9]' });
    expect(refused(() => rbac.createRole(' '))).toEqual({ code: 1100, reason: 'role name should be not empty: invalid parameter[expected=not empty][actual=]' });
    for (let i = rbac.selectRole(undefined, false).length; i < MAX_ROLES; i++) rbac.createRole(`r${i}`);
    expect(refused(() => rbac.createRole('extra'))).toEqual({ code: 65535, reason: 'unable to create role because the number of roles has reached the limit' });
  });

  it('binds users and roles; selectUser / selectRole list them; unknown ones are empty successes', () => {
    rbac.createUser('bob', 'secret1');
    rbac.createRole('reader');
    rbac.operateUserRole('bob', 'reader', true);
    rbac.operateUserRole('bob', 'reader', true);
    expect(rbac.selectUser('bob', true)).toEqual([{ user: 'bob', roles: ['reader'] }]);
    expect(rbac.selectUser('nobody', true)).toEqual([]);
    expect(rbac.selectRole('reader', true)).toEqual([{ role: 'reader', users: ['bob'] }]);
    expect(rbac.selectRole('nothing', true)).toEqual([]);
    expect(refused(() => rbac.operateUserRole('bob', 'nothing', true))).toEqual({ code: 65535, reason: "not found the role, maybe the role isn't existed or internal system error" });
    expect(refused(() => rbac.operateUserRole('ghost', 'reader', true))).toEqual({ code: 65535, reason: "not found the user, maybe the user isn't existed or internal system error" });
    rbac.operateUserRole('bob', 'reader', false);
    rbac.operateUserRole('ghost', 'reader', false);
    expect(rbac.selectUser('bob', true)).toEqual([{ user: 'bob', roles: [] }]);
  });

  it('drops a role with grants only with force', () => {
    rbac.createRole('writer');
    rbac.operatePrivilege({ role: 'writer', objectType: 'Collection', objectName: 'c1', privilege: 'Insert' }, true, 'root');
    expect(refused(() => rbac.dropRole('writer', false))).toEqual({ code: 65535, reason: 'fail to drop the role that it has privileges. Use REVOKE API to revoke privileges' });
    rbac.dropRole('writer', true);
    expect(refused(() => rbac.dropRole('writer', true))).toEqual({ code: 65535, reason: "not found the role, maybe the role isn't existed or internal system error" });
  });
});

describe('grants', () => {
  beforeEach(() => rbac.createRole('r'));

  it('grants v1 privileges with their related ones, stores Global ones on `*`, lists and revokes them', () => {
    rbac.operatePrivilege({ role: 'r', objectType: 'Collection', objectName: 'c1', privilege: 'Load' }, true, 'root');
    rbac.operatePrivilege({ role: 'r', objectType: 'Global', objectName: 'ignored', privilege: 'CreateCollection' }, true, 'root');
    expect(rbac.selectGrant({ role: 'r' }).map((g) => `${g.objectType}:${g.dbName}.${g.objectName}:${g.privilege}`)).toEqual([
      'Collection:default.c1:Load',
      'Collection:default.c1:GetLoadState',
      'Collection:default.c1:GetLoadingProgress',
      'Global:default.*:CreateCollection',
    ]);
    expect(rbac.selectGrant({ role: 'r', objectType: 'Global', objectName: '*' }).map((g) => g.privilege)).toEqual(['CreateCollection']);
    rbac.operatePrivilege({ role: 'r', objectType: 'Collection', objectName: 'c1', privilege: 'Load' }, false, 'root');
    expect(rbac.selectGrant({ role: 'r' }).map((g) => g.privilege)).toEqual(['CreateCollection']);
  });

  it('refuses unknown object types, privileges not of the object type and unknown roles (65535)', () => {
    expect(refused(() => rbac.operatePrivilege({ role: 'r', objectType: 'Table', objectName: '*', privilege: 'Insert' }, true, 'root'))).toEqual({
      code: 65535,
      reason: 'not found the object type[name: Table], supported the object types: [Collection Global User]',
    });
    expect(refused(() => rbac.operatePrivilege({ role: 'r', objectType: 'Global', objectName: '*', privilege: 'Insert' }, true, 'root'))).toEqual({
      code: 65535,
      reason: 'not found the privilege name[Insert]',
    });
    expect(refused(() => rbac.operatePrivilege({ role: 'r', objectType: 'Global', objectName: '*', privilege: 'Fly' }, true, 'root'))).toEqual({ code: 65535, reason: 'not found the privilege name[Fly]' });
    expect(refused(() => rbac.operatePrivilege({ role: 'nobody', objectType: 'Global', objectName: '*', privilege: 'All' }, true, 'root'))).toEqual({
      code: 65535,
      reason: "not found the role, maybe the role isn't existed or internal system error",
    });
    expect(refused(() => rbac.selectGrant({ role: 'nobody' }))).toEqual({ code: 65535, reason: "not found the role, maybe the role isn't existed or internal system error" });
  });

  it('v2 grants check the level of the privilege', () => {
    expect(refused(() => rbac.operatePrivilegeV2({ role: 'r', privilege: 'ClusterReadOnly', dbName: 'default', collectionName: '*' }, true, 'root'))).toEqual({
      code: 65535,
      reason: 'dbName and collectionName should be * for the cluster level privilege: ClusterReadOnly',
    });
    expect(refused(() => rbac.operatePrivilegeV2({ role: 'r', privilege: 'DatabaseAdmin', dbName: 'default', collectionName: 'c1' }, true, 'root'))).toEqual({
      code: 65535,
      reason: 'collectionName should be * for the database level privilege: DatabaseAdmin',
    });
    rbac.operatePrivilegeV2({ role: 'r', privilege: 'CollectionReadOnly', dbName: 'default', collectionName: 'c1' }, true, 'root');
    expect(rbac.selectGrant({ role: 'r' })).toEqual([
      { role: 'r', objectType: 'Collection', objectName: 'c1', dbName: 'default', privilege: 'CollectionReadOnly', grantor: 'root' },
    ]);
  });
});

describe('privilege groups', () => {
  it('lists the nine built-in groups, creates, fills, empties and drops custom ones', () => {
    expect(rbac.listPrivilegeGroups().map((g) => g.name)).toEqual([
      'ClusterReadOnly',
      'ClusterReadWrite',
      'ClusterAdmin',
      'DatabaseReadOnly',
      'DatabaseReadWrite',
      'DatabaseAdmin',
      'CollectionReadOnly',
      'CollectionReadWrite',
      'CollectionAdmin',
    ]);
    rbac.createPrivilegeGroup('g1');
    rbac.operatePrivilegeGroup('g1', ['Query', 'Search', 'Query'], true);
    expect(rbac.listPrivilegeGroups().at(-1)).toEqual({ name: 'g1', privileges: ['Query', 'Search'] });
    rbac.operatePrivilegeGroup('g1', ['Query'], false);
    expect(rbac.listPrivilegeGroups().at(-1)).toEqual({ name: 'g1', privileges: ['Search'] });
    rbac.dropPrivilegeGroup('g1');
    rbac.dropPrivilegeGroup('g1');
    expect(rbac.listPrivilegeGroups()).toHaveLength(9);
  });

  it('refuses built-in names, duplicates, unknown groups and privileges, and dropping a granted group (1100)', () => {
    expect(refused(() => rbac.createPrivilegeGroup('ClusterAdmin'))).toEqual({
      code: 1100,
      reason: 'privilege group name [ClusterAdmin] is defined by built in privileges or privilege groups in system: invalid parameter',
    });
    rbac.createPrivilegeGroup('g1');
    expect(refused(() => rbac.createPrivilegeGroup('g1'))).toEqual({ code: 1100, reason: 'privilege group [g1] already exists: invalid parameter' });
    expect(refused(() => rbac.operatePrivilegeGroup('g2', ['Query'], true))).toEqual({ code: 1100, reason: 'there is no privilege group name [g2] defined in system to operate: invalid parameter' });
    expect(refused(() => rbac.operatePrivilegeGroup('g1', ['Fly'], true))).toEqual({ code: 1100, reason: 'privilege name [Fly] is not defined: invalid parameter' });
    rbac.createRole('r');
    rbac.operatePrivilegeV2({ role: 'r', privilege: 'g1', dbName: 'default', collectionName: 'c1' }, true, 'root');
    expect(refused(() => rbac.dropPrivilegeGroup('g1'))).toEqual({ code: 1100, reason: 'privilege group [g1] is used by role [r], Use REVOKE API to revoke it first: invalid parameter' });
  });
});

describe('authorize (the proxy privilege interceptor)', () => {
  beforeEach(() => {
    rbac.createUser('bob', 'secret1');
    rbac.createRole('r');
    rbac.operateUserRole('bob', 'r', true);
  });
  const bob = { user: 'bob', dbName: 'default' };

  it('lets root, admin, public grants and RPCs without a privilege through', () => {
    expect(denial(() => rbac.authorize('DropDatabase', {}, { user: 'root', dbName: 'default' }))).toBe('served');
    expect(denial(() => rbac.authorize('HasCollection', { collectionName: 'c1' }, bob))).toBe('served');
    expect(denial(() => rbac.authorize('DescribeCollection', { collectionName: 'c1' }, bob))).toBe('served');
    expect(denial(() => rbac.authorize('DescribeIndex', { collectionName: 'c1' }, bob))).toBe('served');
    expect(denial(() => rbac.authorize('DropDatabase', {}, bob))).toBe('PrivilegeDropDatabase: permission deny to bob in the `default` database');
    rbac.operateUserRole('bob', 'admin', true);
    expect(denial(() => rbac.authorize('DropDatabase', {}, bob))).toBe('served');
  });

  it('scopes collection grants by name and database; `*` matches any', () => {
    rbac.operatePrivilege({ role: 'r', objectType: 'Collection', objectName: 'c1', privilege: 'Insert', dbName: 'd1' }, true, 'root');
    expect(denial(() => rbac.authorize('Insert', { collectionName: 'c1' }, { user: 'bob', dbName: 'd1' }))).toBe('served');
    expect(denial(() => rbac.authorize('Insert', { collectionName: 'c2' }, { user: 'bob', dbName: 'd1' }))).toBe('PrivilegeInsert: permission deny to bob in the `d1` database');
    expect(denial(() => rbac.authorize('Insert', { collectionName: 'c1' }, bob))).toBe('PrivilegeInsert: permission deny to bob in the `default` database');
    rbac.operatePrivilegeV2({ role: 'r', privilege: 'Insert', dbName: '*', collectionName: '*' }, true, 'root');
    expect(denial(() => rbac.authorize('Insert', { collectionName: 'c9' }, { user: 'bob', dbName: 'd9' }))).toBe('served');
  });

  it('Flush needs the privilege on every collection it names', () => {
    rbac.operatePrivilege({ role: 'r', objectType: 'Collection', objectName: 'c1', privilege: 'Flush' }, true, 'root');
    expect(denial(() => rbac.authorize('Flush', { collectionNames: ['c1'] }, bob))).toBe('served');
    expect(denial(() => rbac.authorize('Flush', { collectionNames: ['c1', 'c2'] }, bob))).toBe('PrivilegeFlush: permission deny to bob in the `default` database');
    expect(denial(() => rbac.authorize('Flush', { collectionNames: [] }, bob))).toBe('PrivilegeFlush: permission deny to bob in the `default` database');
  });

  it('a user reads and updates its own User object, and lists the grants of its own roles', () => {
    expect(denial(() => rbac.authorize('SelectUser', { user: { name: 'bob' } }, bob))).toBe('served');
    expect(denial(() => rbac.authorize('UpdateCredential', { username: 'bob' }, bob))).toBe('served');
    expect(denial(() => rbac.authorize('UpdateCredential', { username: 'root' }, bob))).toBe('PrivilegeUpdateUser: permission deny to bob in the `default` database');
    expect(denial(() => rbac.authorize('SelectGrant', { entity: { role: { name: 'r' } } }, bob))).toBe('served');
    expect(denial(() => rbac.authorize('SelectGrant', { entity: { role: { name: 'admin' } } }, bob))).toBe('PrivilegeSelectOwnership: permission deny to bob in the `default` database');
  });

  it('groups cover their privileges: built-in, legacy, custom and All', () => {
    rbac.operatePrivilegeV2({ role: 'r', privilege: 'CollectionReadOnly', dbName: 'default', collectionName: 'c1' }, true, 'root');
    expect(denial(() => rbac.authorize('Query', { collectionName: 'c1' }, bob))).toBe('served');
    expect(denial(() => rbac.authorize('Query', { collectionName: 'c2' }, bob))).toBe('PrivilegeQuery: permission deny to bob in the `default` database');
    expect(denial(() => rbac.authorize('Insert', { collectionName: 'c1' }, bob))).toBe('PrivilegeInsert: permission deny to bob in the `default` database');
    rbac.createPrivilegeGroup('writers');
    rbac.operatePrivilegeGroup('writers', ['Insert'], true);
    rbac.operatePrivilegeV2({ role: 'r', privilege: 'writers', dbName: 'default', collectionName: 'c1' }, true, 'root');
    expect(denial(() => rbac.authorize('Insert', { collectionName: 'c1' }, bob))).toBe('served');
    rbac.operatePrivilege({ role: 'r', objectType: 'Global', objectName: '*', privilege: 'All' }, true, 'root');
    expect(denial(() => rbac.authorize('DropDatabase', {}, bob))).toBe('served');
  });

  it('backup and restore carry roles, users, bindings, grants and groups', async () => {
    rbac.operatePrivilege({ role: 'r', objectType: 'Collection', objectName: 'c1', privilege: 'Query' }, true, 'root');
    rbac.createPrivilegeGroup('g');
    const meta = rbac.backup();
    const other = new Rbac();
    other.restore(meta);
    expect(await other.authenticate('bob', 'secret1')).toBe(true);
    expect(other.selectUser('bob', true)).toEqual([{ user: 'bob', roles: ['r'] }]);
    expect(other.selectGrant({ role: 'r' }).map((g) => g.privilege)).toEqual(['Query']);
    expect(other.listPrivilegeGroups().at(-1)?.name).toBe('g');
    expect(refused(() => other.restore(meta))).toEqual({ code: 65535, reason: 'role [r] already exists' });
  });
});
