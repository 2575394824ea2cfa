import { normalizeField, type FieldSchemaInput } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/index.js';
import { parseFilter } from '../src/engine/expr/index.js';
import { partitionIndexOf } from '../src/engine/partition-key.js';
import { refusal } from './refusal.js';

const base: FieldSchemaInput[] = [
  { name: 'id', data_type: 'Int64', is_primary_key: true },
  { name: 'v', data_type: 'FloatVector', dim: 2 },
];

/** A collection with partition key `k` (Int64 unless `type` says), indexed and loaded. */
function keyed(e: Engine, options: { type?: 'Int64' | 'VarChar'; numPartitions?: number } = {}): void {
  e.createCollection({
    collectionName: 'pk',
    fields: [...base, { name: 'k', data_type: options.type ?? 'Int64', is_partition_key: true, max_length: 16 }].map(normalizeField),
    ...(options.numPartitions === undefined ? {} : { numPartitions: options.numPartitions }),
  });
  e.createIndex({ collectionName: 'pk', fieldName: 'v', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
  e.loadCollection({ collectionName: 'pk' });
}


describe('partition key', () => {
  it('hashes keys to partitions bit for bit as Milvus (upstream hash_test vectors)', () => {
    expect([0n, 1n, 100n, -1n].map((k) => partitionIndexOf(k, 16))).toEqual([12, 4, 0, 8]);
    expect(['abcdef', 'hello', 'milvus', ''].map((k) => partitionIndexOf(k, 16))).toEqual([15, 6, 7, 0]);
    // Only the first 100 UTF-8 bytes of a VarChar key are hashed.
    expect(partitionIndexOf('x'.repeat(100) + 'a', 7)).toBe(partitionIndexOf('x'.repeat(100) + 'b', 7));
  });

  it('creates _default_0 … _default_{N-1} (16 by default) and no _default', () => {
    const e = new Engine();
    keyed(e);
    expect(e.showPartitions({ collectionName: "pk" }).map((p) => p.item.name)).toEqual(Array.from({ length: 16 }, (_, i) => `_default_${i}`));
    const f = new Engine();
    keyed(f, { numPartitions: 3 });
    expect(f.showPartitions({ collectionName: "pk" }).map((p) => p.item.name)).toEqual(['_default_0', '_default_1', '_default_2']);
  });

  it('checks the key and num_partitions at CreateCollection in the proxy order and words', () => {
    const e = new Engine();
    const create = (fields: FieldSchemaInput[], numPartitions?: number) =>
      refusal(() => e.createCollection({ collectionName: 'c', fields: fields.map(normalizeField), ...(numPartitions === undefined ? {} : { numPartitions }) }));
    const key = (extra: Partial<FieldSchemaInput> = {}): FieldSchemaInput => ({ name: 'k', data_type: 'Int64', is_partition_key: true, ...extra });
    expect(create([...base, key(), { name: 'k2', data_type: 'VarChar', max_length: 4, is_partition_key: true }])).toEqual({ code: 65535, message: 'there are more than one partition key, field name = k, k2' });
    expect(create([{ ...base[0]!, is_partition_key: true }, base[1]!])).toEqual({ code: 65535, message: 'the partition key field must not be primary field' });
    expect(create([...base, key({ nullable: true })])).toEqual({ code: 1100, message: 'partition key field not support nullable: invalid parameter' });
    expect(create([...base, key({ data_type: 'Float' })])).toEqual({ code: 65535, message: 'the data type of partition key should be Int64 or VarChar' });
    expect(create([...base, key()], -1)).toEqual({ code: 65535, message: 'the specified partitions should be greater than 0 if partition key is used' });
    expect(create([...base, key()], 1025)).toEqual({ code: 1100, message: 'partition number (1025) exceeds max configuration (1024): invalid parameter' });
    expect(create(base, 4)).toEqual({ code: 65535, message: 'num_partitions should only be specified with partition key field enabled' });
    // The key is checked before field names and dims.
    expect(create([...base, key({ data_type: 'Float', name: '1bad' })])).toEqual({ code: 65535, message: 'the data type of partition key should be Int64 or VarChar' });
  });

  it('checks clustering keys: not a vector, at most one', () => {
    const e = new Engine();
    const create = (fields: FieldSchemaInput[]) => refusal(() => e.createCollection({ collectionName: 'c', fields: fields.map(normalizeField) }));
    expect(create([base[0]!, { ...base[1]!, is_clustering_key: true }])).toEqual({ code: 107, message: 'vector clustering key not allowed[collection=c]' });
    expect(create([...base, { name: 'a', data_type: 'Int64', is_clustering_key: true }, { name: 'b', data_type: 'Int32', is_clustering_key: true }])).toEqual({
      code: 105,
      message: 'there are more than one clustering key, field name = a, b: illegal collection schema[collection=c]',
    });
    const ok = e.createCollection({ collectionName: 'c', fields: [...base, { name: 'a', data_type: 'VarChar', max_length: 8, is_clustering_key: true }].map(normalizeField) });
    expect(ok.schema.fields.find((f) => f.name === 'a')!.isClusteringKey).toBe(true);
  });

  it('routes each row to the partition its key hashes to, and refuses partition names everywhere', async () => {
    for (const type of ['Int64', 'VarChar'] as const) {
      const e = new Engine();
      keyed(e, { type, numPartitions: 5 });
      const keyOf = (i: number) => (type === 'Int64' ? BigInt(i * 7) : `key-${i}`);
      await e.insert({ collectionName: 'pk', rows: Array.from({ length: 40 }, (_, i) => ({ id: i, v: [i, 0], k: keyOf(i % 10) })) });
      const expected = new Array(5).fill(0);
      for (let i = 0; i < 40; i++) expected[partitionIndexOf(keyOf(i % 10), 5)] += 1;
      expect(Array.from({ length: 5 }, (_, p) => e.getPartitionStatistics({ collectionName: 'pk', partitionName: `_default_${p}` }).rowCount)).toEqual(expected);
      const literal = type === 'Int64' ? '14' : '"key-2"';
      expect((await e.query({ collectionName: 'pk', filter: `k == ${literal}`, outputFields: ['id'] })).rows.map((r) => r.id)).toEqual([2n, 12n, 22n, 32n]);

      const ref = { collectionName: 'pk' };
      await expect(e.insert({ ...ref, partitionName: '_default_0', rows: [{ id: 99, v: [0, 0], k: keyOf(0) }] })).rejects.toMatchObject({
        code: 65535,
        message: 'not support manually specifying the partition names if partition key mode is used',
      });
      await expect(e.delete({ ...ref, partitionName: '_default_0', filter: 'id == 1' })).rejects.toMatchObject({ code: 65535 });
      await expect(e.search({ ...ref, partitionNames: ['_default_1'], vectors: [[0, 0]], limit: 1 })).rejects.toMatchObject({
        code: 65535,
        message: 'not support manually specifying the partition names if partition key mode is used',
      });
      await expect(e.query({ ...ref, partitionNames: ['_default_1'], filter: 'id > 0' })).rejects.toMatchObject({
        code: 1100,
        message: 'not support manually specifying the partition names if partition key mode is used: invalid parameter',
      });
      await expect(e.get({ ...ref, partitionNames: ['_default_1'], ids: [1] })).rejects.toMatchObject({ code: 1100 });
      expect(refusal(() => e.createPartition({ ...ref, partitionName: 'p' }))).toEqual({ code: 65535, message: 'disable create partition if partition key mode is used' });
      expect(refusal(() => e.dropPartition({ ...ref, partitionName: '_default_1' }))).toEqual({ code: 65535, message: 'disable drop partition if partition key mode is used' });
    }
  });

  it('upserts a key across partitions: the row it replaces may be in any partition', async () => {
    const e = new Engine();
    keyed(e);
    await e.insert({ collectionName: 'pk', rows: [{ id: 1, v: [0, 0], k: 0 }] });
    await e.upsert({ collectionName: 'pk', rows: [{ id: 1, v: [1, 1], k: 1 }] });
    expect((await e.query({ collectionName: 'pk', filter: 'id == 1', outputFields: ['count(*)'] })).rows).toEqual([{ 'count(*)': 1n }]);
    expect((await e.query({ collectionName: 'pk', filter: 'id == 1', outputFields: ['k'] })).rows).toEqual([{ id: 1n, k: 1n }]);
    expect(e.getPartitionStatistics({ collectionName: 'pk', partitionName: `_default_${partitionIndexOf(1n, 16)}` }).rowCount).toBe(1);
  });

  it('prunes partitions by the key values a filter allows, and never drops matches of another branch', async () => {
    const schema = { fields: [{ name: 'id', type: 'Int64' as const }, { name: 'k', type: 'Int64' as const }, { name: 's', type: 'VarChar' as const }], dynamic: false };
    const keys = (text: string, params?: Record<string, unknown>) => parseFilter(text, schema, params, { partitionKey: 'k' }).partitionKeys;
    expect(keys('k == 7')).toEqual([7n]);
    expect(keys('(k in [1, 2, 2]) and id > 3')).toEqual([1n, 2n]);
    expect(keys('k == 1 or k in {ks}', { ks: [5, 6] })).toEqual([1n, 5n, 6n]);
    expect(keys('k == 1 or id in [10]')).toBeUndefined();
    expect(keys('k != 1')).toBeUndefined();
    expect(keys('k > 1 and s == "x"')).toBeUndefined();
    const e = new Engine();
    keyed(e);
    await e.insert({ collectionName: 'pk', rows: Array.from({ length: 30 }, (_, i) => ({ id: i, v: [i, 0], k: i % 5 })) });
    const ids = async (filter: string) => (await e.query({ collectionName: 'pk', filter, outputFields: ['id'] })).rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    expect(await ids('k == 1 and id < 12')).toEqual([1, 6, 11]);
    // Milvus 2.5 would search only k == 1's partition here and lose id 10.
    expect(await ids('k == 1 or id in [10]')).toEqual([1, 6, 10, 11, 16, 21, 26]);
    const hits = await e.search({ collectionName: 'pk', vectors: [[0, 0]], limit: 3, filter: 'k in [2, 3]' });
    expect(hits.hits[0]!.map((h) => Number(h.pk))).toEqual([2, 3, 7]);
  });
});
