import { MilvusError } from '@mvkit/core';
import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MilvusClient } from '../src/index.js';

/** BackupRBAC / RestoreRBAC through MilvusClient: a catalogue taken from one server and restored into another, over gRPC; refused over RESTful v2. */
describe('RBAC backup and restore', () => {
  let source: RunningServer;
  let target: RunningServer;
  let from: MilvusClient;
  let to: MilvusClient;

  beforeAll(async () => {
    [source, target] = await Promise.all([startServer({ port: 0 }), startServer({ port: 0 })]);
    from = new MilvusClient({ address: source.address, transport: 'grpc' });
    to = new MilvusClient({ address: target.address, transport: 'grpc' });
  });
  afterAll(async () => {
    await Promise.all([from.close(), to.close()]);
    await Promise.all([source.close(), target.close()]);
  });

  it('restores users with their passwords, roles and grants into another server', async () => {
    await from.createUser({ username: 'alice', password: 'secret1' });
    await from.createRole({ roleName: 'reader' });
    await from.addUserToRole({ username: 'alice', roleName: 'reader' });
    await from.grantPrivilege({ roleName: 'reader', object: 'Collection', objectName: 'book', privilegeName: 'Query' });
    const { RBAC_meta } = await from.backupRBAC();
    expect(RBAC_meta.users.map((u) => [u.user, u.roles.map((r) => r.name)])).toContainEqual(['alice', ['reader']]);
    expect(RBAC_meta.users.find((u) => u.user === 'alice')!.password).not.toContain('secret1');
    expect(RBAC_meta.roles.map((r) => r.name)).toEqual(['reader']);
    await to.restoreRBAC({ RBAC_meta: { ...RBAC_meta, users: RBAC_meta.users.filter((u) => u.user !== 'root') } });
    expect(await target.engine.rbac.authenticate('alice', 'secret1')).toBe(true);
    expect((await to.listGrants({ roleName: 'reader' })).entities.map((e) => [e.object.name, e.object_name, e.grantor.privilege.name])).toEqual([['Collection', 'book', 'Query']]);
    const again = await to.restoreRBAC({ RBAC_meta: { ...RBAC_meta, users: [] } }).catch((e: unknown) => e);
    expect(MilvusError.is(again) && [again.code, again.reason]).toEqual([65535, 'role [reader] already exists']);
  });

  it('is not available over RESTful v2', async () => {
    const rest = new MilvusClient({ address: source.restUrl, transport: 'rest' });
    const refused = await rest.backupRBAC().catch((e: unknown) => e);
    expect(MilvusError.is(refused) && [refused.code, refused.reason]).toEqual([10, 'service unimplemented: BackupRBAC is not available over RESTful v2']);
    await rest.close();
  });
});
