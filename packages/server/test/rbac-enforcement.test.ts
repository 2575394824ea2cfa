import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/**
 * RPC → required privilege under --auth, on both fronts: a user without the grant is refused with
 * Milvus's answer (gRPC PERMISSION_DENIED `Privilege<X>: permission deny to <user> in the `<db>`
 * database`; REST HTTP 403 code 65535 with Go's text of that gRPC error) and is served once its
 * role holds the grant (a single privilege, a built-in group or a custom group).
 */
let server: RunningServer;
let root: MilvusClient;

async function rest(path: string, user: string, body: object): Promise<{ status: number; json: { code: number; message?: string; data?: unknown } }> {
  const r = await fetch(`${server.restUrl}/v2/vectordb/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user}:Passw0rd!` },
    body: JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as { code: number; message?: string } };
}

beforeAll(async () => {
  server = await startServer({ port: 0, auth: { users: { root: 'Milvus' } } });
  root = new MilvusClient({ address: server.address, token: 'root:Milvus' });
  await root.connectPromise;
  await root.createCollection({ collection_name: 'c1', dimension: 2 });
  await root.createCollection({ collection_name: 'c2', dimension: 2 });
});
afterAll(async () => {
  await root.closeConnection();
  await server.close();
});

interface Case {
  /** RPC and privilege it needs. */
  rpc: string;
  privilege: string;
  /** The grant that lets the user through: v1 (object type + name) or v2 (db + collection). */
  grant: { object: 'Global' | 'Collection' | 'User'; name: string } | { v2: string; db: string; collection: string };
  grpc: (c: MilvusClient) => Promise<unknown>;
  /** REST route calling the same RPC, with its body. */
  rest?: [string, object];
  /** The database REST checks in when the body names another (its `dbName`). */
  restDb?: string;
}

const vec = [{ id: 1, vector: [0.1, 0.2] }];
const SCHEMA = [
  { name: 'id', data_type: DataType.Int64, is_primary_key: true },
  { name: 'vector', data_type: DataType.FloatVector, dim: 2 },
];
const CASES: Case[] = [
  { rpc: 'Insert', privilege: 'Insert', grant: { object: 'Collection', name: 'c1' }, grpc: (c) => c.insert({ collection_name: 'c1', data: vec }), rest: ['entities/insert', { collectionName: 'c1', data: vec }] },
  { rpc: 'Upsert', privilege: 'Upsert', grant: { object: 'Collection', name: '*' }, grpc: (c) => c.upsert({ collection_name: 'c1', data: vec }), rest: ['entities/upsert', { collectionName: 'c1', data: vec }] },
  { rpc: 'Delete', privilege: 'Delete', grant: { v2: 'CollectionReadWrite', db: 'default', collection: 'c1' }, grpc: (c) => c.delete({ collection_name: 'c1', filter: 'id in [5]' }), rest: ['entities/delete', { collectionName: 'c1', filter: 'id in [5]' }] },
  { rpc: 'Query', privilege: 'Query', grant: { v2: 'CollectionReadOnly', db: 'default', collection: 'c1' }, grpc: (c) => c.query({ collection_name: 'c1', filter: 'id > 0' }), rest: ['entities/query', { collectionName: 'c1', filter: 'id > 0' }] },
  { rpc: 'Search', privilege: 'Search', grant: { object: 'Collection', name: 'c1' }, grpc: (c) => c.search({ collection_name: 'c1', data: [0.1, 0.2] }), rest: ['entities/search', { collectionName: 'c1', data: [[0.1, 0.2]] }] },
  { rpc: 'LoadCollection', privilege: 'Load', grant: { object: 'Collection', name: 'c2' }, grpc: (c) => c.loadCollection({ collection_name: 'c2' }), rest: ['collections/load', { collectionName: 'c2' }] },
  { rpc: 'ReleaseCollection', privilege: 'Release', grant: { object: 'Collection', name: 'c2' }, grpc: (c) => c.releaseCollection({ collection_name: 'c2' }), rest: ['collections/release', { collectionName: 'c2' }] },
  { rpc: 'GetLoadState', privilege: 'GetLoadState', grant: { v2: 'CollectionReadOnly', db: 'default', collection: '*' }, grpc: (c) => c.getLoadState({ collection_name: 'c1' }), rest: ['collections/get_load_state', { collectionName: 'c1' }] },
  { rpc: 'CreatePartition', privilege: 'CreatePartition', grant: { object: 'Collection', name: 'c1' }, grpc: (c) => c.createPartition({ collection_name: 'c1', partition_name: 'p1' }), rest: ['partitions/create', { collectionName: 'c1', partitionName: 'p2' }] },
  { rpc: 'ShowPartitions', privilege: 'ShowPartitions', grant: { object: 'Collection', name: 'c1' }, grpc: (c) => c.showPartitions({ collection_name: 'c1' }), rest: ['partitions/list', { collectionName: 'c1' }] },
  { rpc: 'DropIndex', privilege: 'DropIndex', grant: { v2: 'CollectionAdmin', db: 'default', collection: 'c2' }, grpc: (c) => c.dropIndex({ collection_name: 'c2', field_name: 'vector', index_name: 'none' }).then((s) => s), rest: ['indexes/drop', { collectionName: 'c2', indexName: 'none' }] },
  { rpc: 'DropCollection', privilege: 'DropCollection', grant: { object: 'Global', name: '*' }, grpc: (c) => c.dropCollection({ collection_name: 'gone' }), rest: ['collections/drop', { collectionName: 'gone' }] },
  { rpc: 'CreateCollection', privilege: 'CreateCollection', grant: { v2: 'DatabaseAdmin', db: 'default', collection: '*' }, grpc: (c) => c.createCollection({ collection_name: 'c3', fields: SCHEMA }), rest: ['collections/create', { collectionName: 'c4', dimension: 2 }] },
  { rpc: 'DescribeDatabase', privilege: 'DescribeDatabase', grant: { v2: 'DatabaseReadOnly', db: 'default', collection: '*' }, grpc: (c) => c.describeDatabase({ db_name: 'default' }), rest: ['databases/describe', { dbName: 'default' }] },
  { rpc: 'CreateDatabase', privilege: 'CreateDatabase', grant: { v2: 'ClusterAdmin', db: '*', collection: '*' }, grpc: (c) => c.createDatabase({ db_name: 'd1' }), rest: ['databases/create', { dbName: 'd2' }], restDb: 'd2' },
  { rpc: 'ListCredUsers', privilege: 'SelectOwnership', grant: { v2: 'ClusterReadOnly', db: '*', collection: '*' }, grpc: (c) => c.listUsers(), rest: ['users/list', {}] },
  { rpc: 'CreateRole', privilege: 'CreateOwnership', grant: { object: 'Global', name: '*' }, grpc: (c) => c.createRole({ roleName: 'made_by_grpc' }), rest: ['roles/create', { roleName: 'made_by_rest' }] },
  { rpc: 'SelectUser', privilege: 'SelectUser', grant: { object: 'User', name: 'root' }, grpc: (c) => c.describeUser({ username: 'root' }), rest: ['users/describe', { userName: 'root' }] },
  { rpc: 'AlterCollection', privilege: 'CreateCollection', grant: { object: 'Global', name: '*' }, grpc: (c) => c.alterCollectionProperties({ collection_name: 'c1', properties: { 'collection.ttl.seconds': 100 } }), rest: ['collections/alter_properties', { collectionName: 'c1', properties: { 'collection.ttl.seconds': 100 } }] },
  { rpc: 'ListPrivilegeGroups', privilege: 'ListPrivilegeGroups', grant: { object: 'Global', name: '*' }, grpc: (c) => c.listPrivilegeGroups(), rest: ['privilege_groups/list', {}] },
];

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    const r = (await p) as { status?: { error_code?: string; reason?: string }; error_code?: string; reason?: string };
    return `served: ${JSON.stringify(r.status ?? r)}`;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('RPC → required privilege, refused then served after the grant (gRPC and REST)', () => {
  for (const [i, t] of CASES.entries()) {
    it(`${t.rpc} needs ${t.privilege}`, async () => {
      const user = `u${i}`;
      const role = `r${i}`;
      await root.createUser({ username: user, password: 'Passw0rd!' });
      await root.createRole({ roleName: role });
      await root.addUserToRole({ username: user, roleName: role });
      const client = new MilvusClient({ address: server.address, token: `${user}:Passw0rd!` });
      try {
        await client.connectPromise;
        const denied = `Privilege${t.privilege}: permission deny to ${user} in the \`default\` database`;
        expect(await refusal(t.grpc(client))).toContain(denied);
        if (t.rest) {
          const r = await rest(t.rest[0], user, t.rest[1]);
          expect(r.status).toBe(403);
          const restDenied = `Privilege${t.privilege}: permission deny to ${user} in the \`${t.restDb ?? 'default'}\` database`;
          expect(r.json).toEqual({ code: 65535, message: `rpc error: code = PermissionDenied desc = ${restDenied}` });
        }
        const g = t.grant;
        const granted =
          'v2' in g
            ? await root.grantPrivilegeV2({ role, privilege: g.v2, db_name: g.db, collection_name: g.collection })
            : await root.grantPrivilege({ roleName: role, object: g.object, objectName: g.name, privilegeName: t.privilege });
        expect(granted.error_code).toBe('Success');
        const served = (await t.grpc(client)) as { status?: { error_code: string; reason: string }; error_code?: string; reason?: string };
        const status = served.status ?? served;
        expect(String(status.reason ?? '')).not.toContain('permission deny');
        if (t.rest) {
          const r = await rest(t.rest[0], user, t.rest[1]);
          expect(r.status).toBe(200);
          expect(r.json.message ?? '').not.toContain('permission deny');
        }
      } finally {
        await client.closeConnection();
        server.engine.rbac.dropRole(role, true);
      }
    });
  }

  it('a custom privilege group granted with OperatePrivilegeV2 covers its privileges only', async () => {
    await root.createUser({ username: 'grouped', password: 'Passw0rd!' });
    await root.createRole({ roleName: 'grouped_role' });
    await root.addUserToRole({ username: 'grouped', roleName: 'grouped_role' });
    await root.createPrivilegeGroup({ group_name: 'loaders' });
    await root.addPrivilegesToGroup({ group_name: 'loaders', privileges: ['Load', 'GetLoadState', 'Release'] });
    await root.grantPrivilegeV2({ role: 'grouped_role', privilege: 'loaders', db_name: 'default', collection_name: 'c1' });
    const client = new MilvusClient({ address: server.address, token: 'grouped:Passw0rd!' });
    try {
      expect((await client.loadCollection({ collection_name: 'c1' })).error_code).toBe('Success');
      expect(await refusal(client.loadCollection({ collection_name: 'c2' }))).toContain('PrivilegeLoad: permission deny to grouped in the `default` database');
      expect(await refusal(client.insert({ collection_name: 'c1', data: vec }))).toContain('PrivilegeInsert: permission deny to grouped');
    } finally {
      await client.closeConnection();
    }
  });

  it('public grants DescribeCollection to everyone; a user reads its own user; root and admin pass everything', async () => {
    await root.createUser({ username: 'plain', password: 'Passw0rd!' });
    const client = new MilvusClient({ address: server.address, token: 'plain:Passw0rd!' });
    try {
      const d = await client.describeCollection({ collection_name: 'c1' });
      expect(d.status.error_code).toBe('Success');
      expect((await client.describeUser({ username: 'plain' })).status.error_code).toBe('Success');
      expect(await refusal(client.describeUser({ username: 'root' }))).toContain('PrivilegeSelectUser: permission deny to plain');
      await root.addUserToRole({ username: 'plain', roleName: 'admin' });
      expect((await client.dropCollection({ collection_name: 'c2' })).error_code).toBe('Success');
    } finally {
      await client.closeConnection();
    }
  });

  it('a created user logs in on both fronts and a deleted one no longer can', async () => {
    await root.createUser({ username: 'temp', password: 'Passw0rd!' });
    expect((await rest('collections/has', 'temp', { collectionName: 'c1' })).status).toBe(200);
    await root.deleteUser({ username: 'temp' });
    const r = await rest('collections/has', 'temp', { collectionName: 'c1' });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ code: 1800, message: "user hasn't authenticated" });
  });
});
