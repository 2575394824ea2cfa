import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Engine, createLegacyHandler, type RestHandler } from '../src/index.js';

let engine: Engine;
let legacy: RestHandler;

beforeEach(() => {
  engine = new Engine();
  legacy = createLegacyHandler(engine);
  engine.createCollectionQuick({ collection_name: 'book', dimension: 2 });
});

const call = (method: string, path: string, body: unknown = '', headers: Record<string, string> = {}) =>
  legacy({ method, path: `/api/v1${path}`, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('legacy HTTP API (/api/v1, metrics port)', () => {
  it('serves the partition routes with snake_case bodies, also on GET and DELETE', async () => {
    expect((await call('POST', '/partition', { collection_name: 'book', partition_name: 'novel' })).body).toBe('{}');
    const has = await call('GET', '/partition/existence', { collection_name: 'book', partition_name: 'novel' });
    expect(has.status).toBe(200);
    expect(has.body).toBe('{"status":{},"value":true}');
    const ids = [...engine.describeCollection({ collectionName: 'book' }).partitions.values()].map((p) => p.id);
    const shown = await call('GET', '/partitions', { collection_name: 'book' });
    // Go encoding/json of the proto struct: omitempty, int64 as bare numbers
    expect(shown.body).toMatch(new RegExp(`^\\{"status":\\{\\},"partition_names":\\["_default","novel"\\],"partitionIDs":\\[${ids[0]},${ids[1]}\\],"created_timestamps":\\[\\d+,\\d+\\],"created_utc_timestamps":\\[\\d+,\\d+\\]\\}$`));
    expect((await call('POST', '/partitions/load', { collection_name: 'book', partition_names: ['novel'] })).body).toBe('{}');
    expect((await call('GET', '/partition/statistics', { collection_name: 'book', partition_name: 'novel' })).body).toBe('{"status":{},"stats":[{"key":"row_count","value":"0"}]}');
    const refused = await call('DELETE', '/partition', { collection_name: 'book', partition_name: 'novel' });
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.body)).toEqual({ error_code: 1, reason: 'partition cannot be dropped, partition is loaded, please release it first', code: 65535, detail: 'partition cannot be dropped, partition is loaded, please release it first' });
    await call('DELETE', '/collection/load', { collection_name: 'book' });
    expect((await call('DELETE', '/partition', { collection_name: 'book', partition_name: 'novel' })).body).toBe('{}');
  });

  it('answers business errors with HTTP 200 and the status (enums as numbers), bind errors with HTTP 400 error_code 5', async () => {
    const missing = await call('GET', '/partition/existence', { collection_name: 'nope', partition_name: 'p' });
    expect(JSON.parse(missing.body)).toMatchObject({ status: { error_code: 4, code: 100, reason: 'collection not found[database=default][collection=nope]' } });
    const bad = await call('POST', '/partition', '{"collection_name": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ error_code: 5 });
    expect((JSON.parse(bad.body) as { reason: string }).reason).toMatch(/^parse body failed: /);
    const state = await call('GET', '/collection', { collection_name: 'book' });
    expect(JSON.parse(state.body)).toMatchObject({ status: {}, collection_name: 'book', consistency_level: 2, shards_num: 1, schema: { name: 'book', enable_dynamic_field: true, fields: [{ name: 'id', is_primary_key: true, data_type: 5 }, { name: 'vector' }] } });
    // DescribeCollection does not list the dynamic field (proxy describeCollectionTask skips it).
    expect(JSON.parse(state.body).schema.fields).toHaveLength(2);
  });

  it('creates a collection from a schema object, serves /health, YAML and 404', async () => {
    const created = await call('POST', '/collection', {
      collection_name: 'c2',
      schema: { name: 'c2', fields: [{ name: 'pk', is_primary_key: true, data_type: 5 }, { name: 'v', data_type: 101, type_params: [{ key: 'dim', value: '4' }] }] },
    });
    expect(created.body).toBe('{}');
    expect(engine.describeCollection({ collectionName: 'c2' }).schema.fields.map((f) => f.name)).toEqual(['pk', 'v']);
    expect((await call('GET', '/health')).body).toBe('{"status":"ok"}');
    const yaml = await call('GET', '/partitions', { collection_name: 'c2' }, { accept: 'application/x-yaml' });
    expect(yaml.headers['content-type']).toMatch(/x-yaml/);
    expect(parseYaml(yaml.body)).toMatchObject({ status: {}, partition_names: ['_default'] });
    expect((await call('GET', '/nowhere')).status).toBe(404);
    expect((await call('GET', '/partition', { collection_name: 'book' })).status).toBe(404);
  });

  it('with auth, checks the privilege of the route\'s RPC as the other fronts do (HTTP 403 without it)', async () => {
    const guarded = createLegacyHandler(engine, { auth: { users: { root: 'Milvus' } } });
    engine.rbac.createUser('reader', 'secret1');
    engine.rbac.createRole('readers');
    engine.rbac.operateUserRole('reader', 'readers', true);
    const as = (method: string, path: string, body: unknown) =>
      guarded({ method, path: `/api/v1${path}`, headers: { authorization: `Basic ${Buffer.from('reader:secret1').toString('base64')}` }, body: JSON.stringify(body) });
    const denied = await as('DELETE', '/collection', { collection_name: 'book' });
    expect([denied.status, JSON.parse(denied.body)]).toEqual([403, { error_code: 1, reason: 'PrivilegeDropCollection: permission deny to reader in the `default` database' }]);
    expect(engine.hasCollection({ collectionName: 'book' })).toBe(true);
    engine.rbac.operatePrivilege({ role: 'readers', objectType: 'Collection', objectName: 'book', privilege: 'HasPartition' }, true, 'root');
    const allowed = await as('GET', '/partition/existence', { collection_name: 'book', partition_name: '_default' });
    expect([allowed.status, allowed.body]).toEqual([200, '{"status":{},"value":true}']);
  });
});
