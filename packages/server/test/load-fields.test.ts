import { normalizeField } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/index.js';
import { refusal } from './refusal.js';

const ref = { collectionName: 'p' };

function engine(): Engine {
  const e = new Engine();
  e.createCollection({
    ...ref,
    enableDynamicField: true,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'tenant', data_type: 'Int64', is_partition_key: true },
      { name: 'a', data_type: 'FloatVector', dim: 2 },
      { name: 'b', data_type: 'FloatVector', dim: 2 },
      { name: 'title', data_type: 'VarChar', max_length: 8 },
      { name: 'score', data_type: 'Float' },
    ].map(normalizeField),
    numPartitions: 2,
  });
  e.createIndex({ ...ref, fieldName: 'a', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
  return e;
}


describe('partial load (load_fields, skip_load_dynamic_field)', () => {
  it('checks the field list as the proxy does, and needs an index only on the loaded vector fields', () => {
    const e = engine();
    const load = (loadFields: string[], skipLoadDynamicField = false) => refusal(() => e.loadCollection({ ...ref, loadFields, skipLoadDynamicField }));
    expect(load(['id', 'nope'])).toEqual({ code: 65535, message: 'failed to get field schema by name: fieldName(nope) not found' });
    expect(load(['tenant', 'a'])).toEqual({ code: 1100, message: 'load field list [tenant a] does not contain primary key field id: invalid parameter' });
    expect(load(['id', 'tenant', 'title'])).toEqual({ code: 1100, message: 'load field list [id tenant title] does not contain vector field: invalid parameter' });
    expect(load(['id', 'a'])).toEqual({ code: 1100, message: 'load field list [id a] does not contain partition key field tenant: invalid parameter' });
    // b has no index: a full load needs it, a load without b does not.
    expect(refusal(() => e.loadCollection(ref))).toEqual({ code: 65535, message: 'there is no vector index on field: [b], please create index firstly' });
    e.loadCollection({ ...ref, loadFields: ['id', 'tenant', 'a', 'title'] });
    // The list cannot change while loaded; the same set in another order can load again.
    e.loadCollection({ ...ref, loadFields: ['title', 'a', 'tenant', 'id'] });
    const ids = e.describeCollection(ref).schema.fields.map((f) => f.fieldID);
    expect(refusal(() => e.loadCollection({ ...ref, loadFields: ['id', 'tenant', 'a'] }))).toEqual({
      code: 65535,
      message: `call query coordinator LoadCollection: can't change the load field list for loaded collection: invalid parameter[expected=[${[ids[0], ids[1], ids[2], ids[4], ids[6]].join(' ')}]][actual=[${[ids[0], ids[1], ids[2], ids[6]].join(' ')}]]`,
    });
    e.releaseCollection(ref);
    e.loadCollection({ ...ref, loadFields: ['id', 'tenant', 'a'], skipLoadDynamicField: true });
  });

  it('lets reads touch only the loaded fields', async () => {
    const e = engine();
    await e.insert({ ...ref, rows: [{ id: 1, tenant: 1, a: [0, 0], b: [1, 1], title: 't', score: 0.5, color: 'red' }] });
    e.loadCollection({ ...ref, loadFields: ['id', 'tenant', 'a', 'title'] });
    expect((await e.query({ ...ref, filter: 'id > 0', outputFields: ['*'] })).rows).toEqual([{ id: 1n, tenant: 1n, a: Float32Array.from([0, 0]), title: 't', $meta: { color: 'red' } }]);
    await expect(e.query({ ...ref, filter: 'id > 0', outputFields: ['score'] })).rejects.toMatchObject({ code: 65535, message: 'field score is not loaded' });
    await expect(e.query({ ...ref, filter: 'score > 0', outputFields: ['id'] })).rejects.toMatchObject({ code: 1100, message: expect.stringContaining('error: field score is not loaded') });
    await expect(e.search({ ...ref, annsField: 'b', vectors: [[0, 0]], limit: 1 })).rejects.toMatchObject({ code: 1100, message: 'failed to create query plan: ann field "b" not loaded: invalid parameter' });
    expect((await e.search({ ...ref, annsField: 'a', vectors: [[0, 0]], limit: 1, filter: 'color == "red"', outputFields: ['title'] })).hits[0]!.map((h) => h.row)).toEqual([{ title: 't' }]);
    e.releaseCollection(ref);
    e.loadCollection({ ...ref, loadFields: ['id', 'tenant', 'a'], skipLoadDynamicField: true });
    await expect(e.query({ ...ref, filter: 'id > 0', outputFields: ['color'] })).rejects.toMatchObject({ code: 65535, message: 'field color cannot be returned since dynamic field not loaded' });
    await expect(e.query({ ...ref, filter: 'color == "red"', outputFields: ['id'] })).rejects.toMatchObject({ code: 1100, message: expect.stringContaining('is dynamic but dynamic field is not loaded') });
    expect((await e.query({ ...ref, filter: 'id > 0', outputFields: ['*'] })).rows).toEqual([{ id: 1n, tenant: 1n, a: Float32Array.from([0, 0]) }]);
  });
});
