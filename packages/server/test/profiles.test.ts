import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_NAMES, profileOf, startServer, type ProfileName, type RunningServer } from '../src/index.js';

/**
 * Behaviour profiles through gRPC with the official Node SDK: each rule of the 2.2 profile (the
 * load constraints of the Milvus 2.0–2.2 release_partition page, with querycoordv2 2.2's reasons,
 * legacy error_code and no merr code), the 2.3 rules, and the 2.5 default they differ from.
 */
const servers = new Map<ProfileName, { server: RunningServer; client: MilvusClient }>();

beforeAll(async () => {
  for (const profile of PROFILE_NAMES) {
    const server = await startServer({ port: 0, profile });
    const client = new MilvusClient({ address: server.address, logLevel: 'error' });
    await client.connectPromise;
    servers.set(profile, { server, client });
  }
});
afterAll(async () => {
  for (const { server, client } of servers.values()) {
    await client.closeConnection();
    await server.close();
  }
});

const clientOf = (profile: ProfileName): MilvusClient => servers.get(profile)!.client;

/** A collection `name` with an indexed vector field and partitions p1, p2; returns its ID and the partitions' IDs. */
async function book(profile: ProfileName, name: string): Promise<{ id: string; p1: string; p2: string }> {
  const client = clientOf(profile);
  await client.dropCollection({ collection_name: name });
  await client.createCollection({
    collection_name: name,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true },
      { name: 'vec', data_type: DataType.FloatVector, dim: 2 },
    ],
  });
  await client.createIndex({ collection_name: name, field_name: 'vec', index_type: 'FLAT', metric_type: 'L2' });
  await client.createPartition({ collection_name: name, partition_name: 'p1' });
  await client.createPartition({ collection_name: name, partition_name: 'p2' });
  const described = await client.describeCollection({ collection_name: name });
  const shown = await client.showPartitions({ collection_name: name });
  const idOf = (p: string) => shown.partitionIDs[shown.partition_names.indexOf(p)]!.toString();
  return { id: described.collectionID, p1: idOf('p1'), p2: idOf('p2') };
}

/** `[code, error_code, reason]` of a status. */
const fields = (s: { code?: number; error_code: string | number; reason: string }) => [s.code, s.error_code, s.reason];

describe('profile 2.2: the Milvus 2.0–2.2 load constraints', () => {
  it('GetVersion answers v2.2.16', async () => {
    expect((await clientOf('2.2').getVersion()).version).toBe('v2.2.16');
  });

  it('loading partitions of a loaded collection is refused (IllegalArgument, no merr code)', async () => {
    const client = clientOf('2.2');
    await book('2.2', 'c22_a');
    expect((await client.loadCollectionSync({ collection_name: 'c22_a' })).error_code).toBe('Success');
    expect(fields(await client.loadPartitions({ collection_name: 'c22_a', partition_names: ['p1'] }))).toEqual([
      0,
      'IllegalArgument',
      'failed to load partitions, err=load the partition after load collection is not supported[LoadParameterMismatched]',
    ]);
  });

  it('loading an already loaded collection succeeds; another replica number is refused', async () => {
    const client = clientOf('2.2');
    await book('2.2', 'c22_b');
    await client.loadCollectionSync({ collection_name: 'c22_b' });
    expect(fields(await client.loadCollectionAsync({ collection_name: 'c22_b' }))).toEqual([0, 'Success', '']);
    expect(fields(await client.loadCollectionAsync({ collection_name: 'c22_b', replica_number: 2 }))).toEqual([
      0,
      'IllegalArgument',
      'failed to load collection, err=collection with different replica number 1 existed, release this collection first before changing its replica number[LoadParameterMismatched]',
    ]);
    expect((await client.getLoadState({ collection_name: 'c22_b' })).state).toBe('LoadStateLoaded');
  });

  it('loading the collection when partitions of it are loaded is refused', async () => {
    const client = clientOf('2.2');
    await book('2.2', 'c22_c');
    expect((await client.loadPartitions({ collection_name: 'c22_c', partition_names: ['p1'] })).error_code).toBe('Success');
    expect(fields(await client.loadCollectionAsync({ collection_name: 'c22_c' }))).toEqual([
      0,
      'IllegalArgument',
      'failed to load collection, err=load the partition after load collection is not supported[LoadParameterMismatched]',
    ]);
    expect((await client.getLoadState({ collection_name: 'c22_c', partition_names: ['p2'] })).state).toBe('LoadStateNotLoad');
  });

  it('loading other partitions in a separate call is refused; the same ones again succeed; after a release it works', async () => {
    const client = clientOf('2.2');
    const ids = await book('2.2', 'c22_d');
    await client.loadPartitions({ collection_name: 'c22_d', partition_names: ['p1'] });
    expect(fields(await client.loadPartitions({ collection_name: 'c22_d', partition_names: ['p2'] }))).toEqual([
      0,
      'IllegalArgument',
      `failed to load partitions, err=some partitions [${ids.p2}] of collection ${ids.id} has been loaded into QueryNode, please release partitions firstly[LoadParameterMismatched]`,
    ]);
    expect(fields(await client.loadPartitions({ collection_name: 'c22_d', partition_names: ['p1', 'p2'] }))[2]).toBe(
      `failed to load partitions, err=some partitions [${ids.p1} ${ids.p2}] of collection ${ids.id} has been loaded into QueryNode, please release partitions firstly[LoadParameterMismatched]`,
    );
    expect(fields(await client.loadPartitions({ collection_name: 'c22_d', partition_names: ['p1'] }))).toEqual([0, 'Success', '']);
    expect(fields(await client.loadPartitions({ collection_name: 'c22_d', partition_names: ['p1'], replica_number: 2 }))[2]).toBe(
      'failed to load partitions, err=collection with different replica number existed, release this collection first before changing its replica number[LoadParameterMismatched]',
    );
    await client.releasePartitions({ collection_name: 'c22_d', partition_names: ['p1'] });
    expect((await client.loadPartitions({ collection_name: 'c22_d', partition_names: ['p2'] })).error_code).toBe('Success');
  });

  it('releasing partitions of a collection loaded whole is refused', async () => {
    const client = clientOf('2.2');
    await book('2.2', 'c22_e');
    await client.loadCollectionSync({ collection_name: 'c22_e' });
    expect(fields(await client.releasePartitions({ collection_name: 'c22_e', partition_names: ['p1'] }))).toEqual([
      0,
      'IllegalArgument',
      'failed to release partitions, err=releasing some partitions after load collection is not supported[LoadParameterMismatched]',
    ]);
    expect((await client.getLoadState({ collection_name: 'c22_e', partition_names: ['p1'] })).state).toBe('LoadStateLoaded');
  });

  it('other errors keep their legacy error_code without a code; DescribeCollection of a missing one says so in 2.2 words', async () => {
    const described = await clientOf('2.2').describeCollection({ collection_name: 'c22_missing' });
    expect(fields(described.status)).toEqual([0, 'UnexpectedError', "can't find collection: c22_missing"]);
  });
});

describe('profile 2.3: what a Milvus 2.3.5 answers', () => {
  it('GetVersion answers v2.3.5', async () => {
    expect((await clientOf('2.3').getVersion()).version).toBe('v2.3.5');
  });

  it('partitions load incrementally, and LoadCollection with another replica number is 1100', async () => {
    const client = clientOf('2.3');
    await book('2.3', 'c23_a');
    expect((await client.loadPartitions({ collection_name: 'c23_a', partition_names: ['p1'] })).error_code).toBe('Success');
    expect((await client.loadPartitions({ collection_name: 'c23_a', partition_names: ['p2'] })).error_code).toBe('Success');
    expect((await client.loadCollectionAsync({ collection_name: 'c23_a' })).error_code).toBe('Success');
    expect(fields(await client.loadCollectionAsync({ collection_name: 'c23_a', replica_number: 2 }))).toEqual([
      1100,
      'IllegalArgument',
      "can't change the replica number for loaded collection: invalid parameter[expected=1][actual=2]",
    ]);
  });

  it('DescribeCollection of a missing collection prefixes rootcoord\'s reason', async () => {
    const described = await clientOf('2.3').describeCollection({ collection_name: 'c23_missing' });
    expect(fields(described.status)).toEqual([100, 'UnexpectedError', "can't find collection collection not found[database=default][collection=c23_missing]"]);
  });

  it('a field may be named like, and num_partitions may exceed 1024 (maxPartitionNum 4096)', async () => {
    const created = await clientOf('2.3').createCollection({
      collection_name: 'c23_b',
      num_partitions: 2000,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'like', data_type: DataType.Int64, is_partition_key: true },
        { name: 'vec', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    expect(created.error_code).toBe('Success');
  });

  it('query, get and a limited query return the oldest live row of a repeated key (2.5: the newest)', async () => {
    const read = async (profile: ProfileName) => {
      const client = clientOf(profile);
      const name = `dups_${profile.replace('.', '')}`;
      await client.dropCollection({ collection_name: name });
      await client.createCollection({
        collection_name: name,
        fields: [
          { name: 'id', data_type: DataType.Int64, is_primary_key: true },
          { name: 'tag', data_type: DataType.VarChar, max_length: 8 },
          { name: 'vec', data_type: DataType.FloatVector, dim: 2 },
        ],
      });
      for (const tag of ['t0', 't1', 't2']) await client.insert({ collection_name: name, data: [{ id: 1, tag, vec: [1, 0] }, { id: 2, tag, vec: [0, 1] }] });
      await client.createIndex({ collection_name: name, field_name: 'vec', index_type: 'FLAT', metric_type: 'L2' });
      await client.loadCollectionSync({ collection_name: name });
      await client.delete({ collection_name: name, filter: 'tag == "t0"' });
      const tags = (r: { data: Record<string, unknown>[] }) => r.data.map((row) => `${String(row.id)}:${String(row.tag)}`);
      return {
        query: tags(await client.query({ collection_name: name, filter: 'id == 2', output_fields: ['tag'] })),
        limited: tags(await client.query({ collection_name: name, filter: 'id > 0', output_fields: ['tag'], limit: 10 })),
        get: tags(await client.get({ collection_name: name, ids: [1], output_fields: ['tag'] })),
      };
    };
    expect(await read('2.3')).toEqual({ query: ['2:t1'], limited: ['1:t1', '2:t1'], get: ['1:t1'] });
    expect(await read('2.5')).toEqual({ query: ['2:t2'], limited: ['1:t2', '2:t2'], get: ['1:t2'] });
  });

  it("CreateIndex answers the 2.3 proxy checkers' plain errors, and a scalar field takes only its default index", async () => {
    const answers = async (profile: ProfileName) => {
      const client = clientOf(profile);
      const name = `idx_${profile.replace('.', '')}`;
      await client.dropCollection({ collection_name: name });
      await client.createCollection({
        collection_name: name,
        fields: [
          { name: 'id', data_type: DataType.Int64, is_primary_key: true },
          { name: 's', data_type: DataType.VarChar, max_length: 8 },
          { name: 'n', data_type: DataType.Int64 },
          { name: 'v', data_type: DataType.FloatVector, dim: 8 },
        ],
      });
      const create = async (field_name: string, index_type: string, params: Record<string, unknown> = {}, metric_type?: string) =>
        fields(await client.createIndex({ collection_name: name, field_name, index_type, ...(metric_type ? { metric_type } : {}), params }));
      return [
        await create('v', 'HNSW', { M: 0, efConstruction: 0 }, 'L2'),
        await create('v', 'HNSW', { M: 3000, efConstruction: 64 }, 'L2'),
        await create('v', 'HNSW', { M: 8, efConstruction: 64 }, 'FOO'),
        await create('v', 'IVF_FLAT', { nlist: 0 }, 'FOO'),
        await create('v', 'IVF_FLAT', { nlist: 8 }, 'HAMMING'),
        await create('v', 'IVF_PQ', { nlist: 8 }, 'L2'),
        await create('v', 'IVF_PQ', { nlist: 8, m: 3 }, 'L2'),
        await create('v', 'BIN_FLAT', {}, 'HAMMING'),
        await create('v', 'FOO', {}, 'L2'),
        await create('n', 'HNSW', { M: 8, efConstruction: 64 }, 'L2'),
        await create('s', 'STL_SORT'),
        await create('n', 'INVERTED'),
        await create('n', 'AUTOINDEX'),
      ];
    };
    const refused = (reason: string) => [65535, 'UnexpectedError', reason];
    const mismatch = (expected: string, actual: string) => [1100, 'IllegalArgument', `index type not match: invalid parameter[expected=${expected}][actual=${actual}]`];
    expect(await answers('2.3')).toEqual([
      refused('efConstruction out of range: [1, 2147483647]'),
      refused('M out of range: [1, 2048]'),
      refused('metric type not found or not supported, supported: [L2 IP COSINE HAMMING JACCARD]'),
      refused('nlist out of range: [1, 65536]'),
      refused('metric type not found or not supported, supported: [L2 IP COSINE]'),
      refused('parameter `m` not found'),
      refused('dimension must be able to be divided by `m`, dimension: 8, m: 3'),
      refused('binary vector is only supported'),
      refused('invalid index type: FOO'),
      mismatch('STL_SORT', 'HNSW'),
      mismatch('Trie', 'STL_SORT'),
      mismatch('STL_SORT', 'INVERTED'),
      mismatch('STL_SORT', 'AUTOINDEX'),
    ]);
    const wrapped = (why: string) => [1100, 'IllegalArgument', `${why}: invalid parameter[expected=valid index params][actual=invalid index params]`];
    const v25 = await answers('2.5');
    expect(v25.slice(0, 3)).toEqual([
      wrapped("Out of range in json: param 'M' (0) should be in range [2, 2048]"),
      wrapped("Out of range in json: param 'M' (3000) should be in range [2, 2048]"),
      wrapped('float vector index does not support metric type: FOO'),
    ]);
    expect(v25.at(-2)).toEqual([0, 'Success', '']);
  });

  it('takes an HNSW index with metric HAMMING on a float vector field, as 2.3.5 does; nothing is built, and a search through it is refused', async () => {
    const client = clientOf('2.3');
    await client.dropCollection({ collection_name: 'c23_hamming' });
    await client.createCollection({
      collection_name: 'c23_hamming',
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'vec', data_type: DataType.FloatVector, dim: 8 },
      ],
    });
    expect(fields(await client.createIndex({ collection_name: 'c23_hamming', field_name: 'vec', index_type: 'HNSW', metric_type: 'HAMMING', params: { M: 8, efConstruction: 64 } }))).toEqual([0, 'Success', '']);
    const unit = (i: number) => Array.from({ length: 8 }, (_, j) => (i === j ? 1 : 0));
    await client.insert({ collection_name: 'c23_hamming', data: [{ id: 1, vec: unit(0) }, { id: 2, vec: unit(1) }] });
    await client.flushSync({ collection_names: ['c23_hamming'] });
    await client.loadCollectionSync({ collection_name: 'c23_hamming' });
    await client.insert({ collection_name: 'c23_hamming', data: [{ id: 3, vec: unit(2) }] });
    const searched = await client.search({ collection_name: 'c23_hamming', data: [unit(0)], limit: 2 });
    expect(fields(searched.status)).toEqual([65535, 'UnexpectedError', 'index vec cannot be searched: metric HAMMING does not apply to float vectors, so knowhere built nothing']);
    expect(await client.count({ collection_name: 'c23_hamming' })).toMatchObject({ data: 3 });
  });

  it('a query or search naming an unloaded partition is refused by the query node, wrapped by the proxy', async () => {
    const client = clientOf('2.3');
    const { id, p2 } = await book('2.3', 'c23_unloaded');
    await client.loadPartitions({ collection_name: 'c23_unloaded', partition_names: ['p1'] });
    const channel = `by-dev-rootcoord-dml_0_${id}v0`;
    const queried = await client.query({ collection_name: 'c23_unloaded', filter: '', output_fields: ['count(*)'], partition_names: ['p2'] });
    expect(fields(queried.status)).toEqual([65535, 'UnexpectedError', `failed to search/query delegator 1 for channel ${channel}: fail to Query, QueryNode ID = 1, reason=partition not loaded[partition=[${p2}]]`]);
    const searched = await client.search({ collection_name: 'c23_unloaded', data: [[1, 0]], limit: 1, partition_names: ['p1', 'p2'] });
    expect(fields(searched.status)).toEqual([65535, 'UnexpectedError', `failed to search/query delegator 1 for channel ${channel}: fail to Search, QueryNode ID = 1, reason=partition not loaded[partition=[${p2}]]`]);
    await book('2.5', 'c25_unloaded');
    await clientOf('2.5').loadPartitions({ collection_name: 'c25_unloaded', partition_names: ['p1'] });
    const v25 = await clientOf('2.5').query({ collection_name: 'c25_unloaded', filter: '', output_fields: ['count(*)'], partition_names: ['p2'] });
    expect(v25.status.code).toBe(201);
  });
});

describe('profile 2.5 (the default) differs from both', () => {
  it('is the default, loads partitions after the collection, and refuses the keyword and 2000 partitions', async () => {
    expect(profileOf().name).toBe('2.5');
    const client = clientOf('2.5');
    expect((await client.getVersion()).version).toBe('v2.5.4');
    await book('2.5', 'c25_a');
    await client.loadCollectionSync({ collection_name: 'c25_a' });
    expect((await client.loadPartitions({ collection_name: 'c25_a', partition_names: ['p1'] })).error_code).toBe('Success');
    expect((await client.releasePartitions({ collection_name: 'c25_a', partition_names: ['p1'] })).error_code).toBe('Success');
    const described = await client.describeCollection({ collection_name: 'c25_missing' });
    expect(fields(described.status)).toEqual([100, 'UnexpectedError', "can't find collection[database=default][collection=c25_missing]"]);
    // The SDK throws the status of a failed CreateCollection.
    const keyword = client.createCollection({
      collection_name: 'c25_b',
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'like', data_type: DataType.Int64 },
        { name: 'vec', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await expect(keyword).rejects.toMatchObject({ code: 1701, reason: 'Invalid field name: like. like is keyword in milvus.: field name invalid[field=like]' });
    const partitions = client.createCollection({
      collection_name: 'c25_c',
      num_partitions: 2000,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'key', data_type: DataType.Int64, is_partition_key: true },
        { name: 'vec', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await expect(partitions).rejects.toMatchObject({ code: 1100, reason: 'partition number (2000) exceeds max configuration (1024): invalid parameter' });
  });

  it('refuses an unknown profile name with the valid ones', () => {
    expect(() => profileOf('2.4')).toThrow("unknown profile '2.4': expected one of 2.2, 2.3, 2.5");
  });
});
